package org.dak.gateway.account;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.dak.gateway.adapter.Channels;
import org.dak.platform.Problem;
import org.dak.platform.Roles;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The administrator's accounts: create, list, change roles and bindings, disable, reset a
 * password. A changed role takes effect with the account's next access token (at most the
 * token lifetime); disabling also revokes its refresh tokens at once.
 */
@RestController
@RequestMapping("/api/v1/admin/users")
class AdminController {

	private final ReactiveMongoTemplate mongo;

	private final Accounts accounts;

	AdminController(ReactiveMongoTemplate mongo, Accounts accounts) {
		this.mongo = mongo;
		this.accounts = accounts;
	}

	record NewAccount(@NotBlank @Pattern(regexp = "[a-z0-9._-]{3,60}") String username,
			@NotBlank @Size(max = 200) String password, @NotEmpty List<String> roles, @Size(max = 30) String department,
			@Size(max = 60) String office, @Size(max = 30) String channel) {
	}

	record AccountChange(@NotEmpty List<String> roles, @Size(max = 30) String department, @Size(max = 60) String office,
			@Size(max = 30) String channel, boolean enabled) {
	}

	record PasswordReset(@NotBlank @Size(max = 200) String newPassword) {
	}

	@GetMapping
	Flux<AccountView> accounts() {
		return this.mongo.find(new Query().with(Sort.by("_id")), Account.class).map(Account::view);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Mono<AccountView> create(@Valid @RequestBody NewAccount request) {
		checkBindings(request.roles(), request.department(), request.channel());
		PasswordPolicy.check(request.username(), request.password(), "password");
		return this.accounts.hash(request.password())
			.flatMap((hash) -> this.mongo.insert(new Account(request.username(), hash, List.copyOf(request.roles()),
					request.department(), request.office(), request.channel(), true, 0, false, Instant.now(), null)))
			.map(Account::view)
			.onErrorMap(DuplicateKeyException.class, (ex) -> new Problem(HttpStatus.CONFLICT, "account-exists",
					"Account exists", "There is already an account " + request.username() + "."));
	}

	@PutMapping("/{username}")
	Mono<AccountView> change(@PathVariable String username, @Valid @RequestBody AccountChange change) {
		checkBindings(change.roles(), change.department(), change.channel());
		return existing(username)
			.flatMap((account) -> this.mongo.save(new Account(account.username(), account.passwordHash(),
					List.copyOf(change.roles()), change.department(), change.office(), change.channel(),
					change.enabled(), 0, account.passwordChangeRequired(), account.createdAt(), account.version())))
			.retryWhen(Accounts.ON_CONCURRENT_WRITE)
			.flatMap((saved) -> (saved.enabled() ? Mono.<Void>empty() : this.accounts.revokeAll(username))
				.thenReturn(saved.view()));
	}

	@PostMapping("/{username}/password")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> resetPassword(@PathVariable String username, @Valid @RequestBody PasswordReset reset) {
		PasswordPolicy.check(username, reset.newPassword(), "newPassword");
		return this.accounts.hash(reset.newPassword())
			.flatMap((hash) -> existing(username).flatMap((account) -> this.mongo.save(account.withPassword(hash)))
				.retryWhen(Accounts.ON_CONCURRENT_WRITE))
			.then(this.accounts.revokeAll(username));
	}

	private Mono<Account> existing(String username) {
		return this.mongo.findById(username, Account.class)
			.switchIfEmpty(Mono.error(new Problem(HttpStatus.NOT_FOUND, "account-not-found", "No such account",
					"There is no account " + username + ".")));
	}

	/** Roles must exist; an officer needs a department, an adapter a channel. */
	static void checkBindings(List<String> roles, String department, String channel) {
		for (String role : roles) {
			if (!Roles.ALL.contains(role)) {
				throw new Problem(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-role", "Unknown role",
						role + " is not a role. Roles: " + Roles.ALL + ".");
			}
		}
		if (roles.contains(Roles.DEPARTMENT_OFFICER) && (department == null || department.isBlank())) {
			throw new Problem(HttpStatus.UNPROCESSABLE_CONTENT, "department-required", "Department required",
					"A department officer is bound to one department: give its code.");
		}
		if (roles.contains(Roles.CHANNEL_ADAPTER) && (channel == null || !Channels.ALL.contains(channel))) {
			throw new Problem(HttpStatus.UNPROCESSABLE_CONTENT, "channel-required", "Channel required",
					"A channel adapter is bound to one channel: one of " + Channels.ALL + ".");
		}
	}

}
