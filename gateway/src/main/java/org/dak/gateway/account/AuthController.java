package org.dak.gateway.account;

import java.security.Principal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

import org.dak.gateway.edge.ClientAddress;
import org.dak.gateway.edge.EdgeProperties;
import org.dak.gateway.edge.RequestIdFilter;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Staff sign-in: username and password for an access token (short-lived) and a refresh
 * token; refresh; sign-out; password change.
 */
@RestController
@RequestMapping("/api/v1/auth")
class AuthController {

	private final Accounts accounts;

	private final EdgeProperties edge;

	AuthController(Accounts accounts, EdgeProperties edge) {
		this.accounts = accounts;
		this.edge = edge;
	}

	record SignIn(@Schema(example = "dm.nalanda") @NotBlank @Size(max = 100) String username,
			@Schema(example = "correct horse battery staple") @NotBlank @Size(max = 200) String password) {
	}

	record Refresh(@NotBlank @Size(max = 200) String refreshToken) {
	}

	record ChangePassword(@NotBlank @Size(max = 200) String currentPassword,
			@NotBlank @Size(max = 200) String newPassword) {
	}

	@PostMapping("/login")
	Mono<ResponseEntity<Accounts.Tokens>> login(@Valid @RequestBody SignIn signIn, ServerWebExchange exchange) {
		return this.accounts
			.signIn(signIn.username(), signIn.password(), ClientAddress.of(exchange, this.edge.trustedProxies()),
					exchange.getRequest().getHeaders().getFirst(RequestIdFilter.HEADER))
			.map(AuthController::noStore);
	}

	@PostMapping("/refresh")
	Mono<ResponseEntity<Accounts.Tokens>> refresh(@Valid @RequestBody Refresh refresh, ServerWebExchange exchange) {
		return this.accounts
			.refresh(refresh.refreshToken(), ClientAddress.of(exchange, this.edge.trustedProxies()),
					exchange.getRequest().getHeaders().getFirst(RequestIdFilter.HEADER))
			.map(AuthController::noStore);
	}

	/** Signs out everywhere: every refresh token of the account stops working. */
	@PostMapping("/logout")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> logout(Mono<Principal> principal) {
		return principal.flatMap((user) -> this.accounts.signOut(user.getName()));
	}

	@PostMapping("/password")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> changePassword(@Valid @RequestBody ChangePassword change, Mono<Principal> principal,
			ServerWebExchange exchange) {
		return principal.flatMap((user) -> this.accounts.changePassword(user.getName(), change.currentPassword(),
				change.newPassword(), ClientAddress.of(exchange, this.edge.trustedProxies())));
	}

	private static <T> ResponseEntity<T> noStore(T body) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
	}

}
