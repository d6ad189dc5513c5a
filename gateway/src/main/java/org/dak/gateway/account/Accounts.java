package org.dak.gateway.account;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

import org.dak.gateway.audit.AuditTrail;
import org.dak.platform.Refusal;
import org.dak.gateway.security.TokenIssuer;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Sign-in, token refresh, sign-out and password change. A wrong password and an unknown
 * user answer alike and take alike (the hash is checked either way). Repeated failures
 * from one address make that address wait before it tries the same name again
 * ({@link SignInThrottle}); no account is ever locked, so nobody can lock staff out.
 */
@Service
class Accounts {

	private final ReactiveMongoTemplate mongo;

	private final PasswordEncoder passwords;

	private final TokenIssuer tokens;

	private final AccountProperties properties;

	private final AuditTrail audit;

	/** A hash of nothing anyone types, checked when the user does not exist. */
	private final String noSuchUserHash;

	private final SignInThrottle throttle;

	Accounts(ReactiveMongoTemplate mongo, PasswordEncoder passwords, TokenIssuer tokens, AccountProperties properties,
			AuditTrail audit) {
		this.mongo = mongo;
		this.passwords = passwords;
		this.tokens = tokens;
		this.properties = properties;
		this.audit = audit;
		this.noSuchUserHash = passwords.encode(Secrets.generate("none_"));
		this.throttle = new SignInThrottle(mongo, properties);
	}

	/** What a successful sign-in or refresh gives. */
	record Tokens(String tokenType, String accessToken, long expiresIn, String refreshToken, List<String> roles,
			boolean passwordChangeRequired) {
	}

	/**
	 * Read-check-write of an account runs again from the read when another write (an
	 * administrator's, another sign-in's) came first, so neither undoes the other.
	 */
	static final Retry ON_CONCURRENT_WRITE = Retry.max(5)
		.filter(OptimisticLockingFailureException.class::isInstance)
		.onRetryExhaustedThrow((spec, signal) -> signal.failure());

	Mono<Tokens> signIn(String username, String password, String clientAddress, String requestId) {
		String name = normalise(username);
		return waited(name, "SIGN_IN", clientAddress, requestId).then(this.mongo.findById(name, Account.class)
			.flatMap((account) -> checkPassword(account, password, clientAddress, requestId))
			.retryWhen(ON_CONCURRENT_WRITE)
			.switchIfEmpty(Mono.defer(() -> matches(password, this.noSuchUserHash)
				.then(failed(name, "no such account", clientAddress, requestId)))));
	}

	/** Refuses the attempt while this address must wait (on the audit trail). */
	private Mono<Void> waited(String name, String action, String clientAddress, String requestId) {
		return this.throttle.check(name, clientAddress)
			.onErrorResume(SignInThrottle.TooManyAttempts.class,
					(tooMany) -> this.audit.record(name, action, "WAITING", clientAddress, requestId)
						.then(Mono.error(tooMany)));
	}

	private Mono<Tokens> checkPassword(Account account, String password, String clientAddress, String requestId) {
		return matches(password, account.passwordHash()).flatMap((ok) -> {
			if (ok && account.enabled()) {
				return this.mongo.save(account.withSignInSuccess())
					.then(this.throttle.succeeded(account.username(), clientAddress))
					.then(this.audit.record(account.username(), "SIGN_IN", "SUCCESS", clientAddress, requestId))
					.then(issue(account));
			}
			// counted with an atomic update: failures at two gateways at once all count
			return this.mongo
				.updateFirst(Query.query(Criteria.where("_id").is(account.username())),
						new Update().inc("failedSignIns", 1), Account.class)
				.then(failed(account.username(), account.enabled() ? "wrong password" : "disabled", clientAddress,
						requestId));
		});
	}

	Mono<Tokens> refresh(String refreshToken, String clientAddress, String requestId) {
		String hash = Secrets.sha256(refreshToken);
		Instant now = Instant.now();
		Query unused = Query.query(Criteria.where("_id").is(hash).and("revokedAt").is(null).and("expiresAt").gt(now));
		return this.mongo.findAndModify(unused, new Update().set("revokedAt", now), RefreshToken.class)
			.flatMap((token) -> this.mongo.findById(token.username(), Account.class))
			.filter(Account::enabled)
			.flatMap(this::issue)
			.switchIfEmpty(Mono.defer(() -> this.mongo.findById(hash, RefreshToken.class)
				.filter((token) -> token.revokedAt() != null)
				// a used-up token came back: whoever holds it, the account's tokens are
				// revoked
				.flatMap((token) -> revokeAll(token.username())
					.then(this.audit.record(token.username(), "REFRESH", "REUSED_TOKEN", clientAddress, requestId)))
				.then(Mono.error(Refusal.notSignedIn("invalid-refresh-token", "Sign in again",
						"This refresh token is not valid (expired, used or revoked). Sign in again.")))));
	}

	Mono<Void> signOut(String username) {
		return revokeAll(username);
	}

	Mono<Void> changePassword(String username, String current, String next, String clientAddress) {
		return waited(username, "PASSWORD_CHANGE", clientAddress, null)
			.then(this.mongo.findById(username, Account.class)
				.switchIfEmpty(Mono.error(Refusal.invalid("no-password", "No password here",
						"This identity has no password in this system (an adapter key or an external sign-in).")))
				.flatMap((account) -> matches(current, account.passwordHash()).flatMap((ok) -> {
					if (!ok) {
						// the same attempt limit as sign-in: a stolen session
						// cannot guess the password at leisure
						return this.throttle.failed(username, clientAddress)
							.then(Mono.error(Refusal.invalid("wrong-password", "Wrong password",
									"The current password is not right.")));
					}
					PasswordPolicy.check(username, next, "newPassword");
					return hash(next).flatMap((hash) -> this.mongo.save(account.withPassword(hash)));
				}))
				.retryWhen(ON_CONCURRENT_WRITE)
				.then(this.throttle.succeeded(username, clientAddress))
				.then(revokeAll(username)));
	}

	Mono<Void> revokeAll(String username) {
		return this.mongo
			.updateMulti(Query.query(Criteria.where("username").is(username).and("revokedAt").is(null)),
					new Update().set("revokedAt", Instant.now()), RefreshToken.class)
			.then();
	}

	Mono<String> hash(String password) {
		return Mono.fromCallable(() -> this.passwords.encode(password)).subscribeOn(Schedulers.boundedElastic());
	}

	private Mono<Boolean> matches(String password, String hash) {
		return Mono.fromCallable(() -> this.passwords.matches(password, hash)).subscribeOn(Schedulers.boundedElastic());
	}

	private Mono<Tokens> issue(Account account) {
		String refresh = Secrets.generate("dakr_");
		RefreshToken stored = new RefreshToken(Secrets.sha256(refresh), account.username(),
				Instant.now().plus(this.properties.refreshTokenTtl()), null);
		// a password that must be changed first: a token without roles, good only for the
		// change (and signing out)
		List<String> roles = account.passwordChangeRequired() ? List.of() : account.roles();
		String access = this.tokens.issue(new TokenIssuer.Subject(account.username(), roles, account.department(),
				account.office(), account.channel()));
		return this.mongo.insert(stored)
			.thenReturn(new Tokens("Bearer", access, this.tokens.lifetimeSeconds(), refresh, roles,
					account.passwordChangeRequired()));
	}

	private <T> Mono<T> failed(String username, String reason, String clientAddress, String requestId) {
		return this.throttle.failed(username, clientAddress)
			.then(this.audit.record(username, "SIGN_IN", "FAILURE: " + reason, clientAddress, requestId))
			.then(Mono.error(Refusal.notSignedIn("sign-in-failed", "Sign-in failed", "Wrong username or password.")));
	}

	static String normalise(String username) {
		return username.strip().toLowerCase(Locale.ROOT);
	}

}
