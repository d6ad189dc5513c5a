package org.dak.gateway.account;

import java.time.Duration;
import java.time.Instant;

import reactor.core.publisher.Mono;

import org.dak.platform.Problem;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;

/**
 * Slows down guessing a password without letting anyone lock staff out. Failures are
 * counted for a name and the address they came from together: after a few, that address
 * waits before it may try that name again, longer with each further failure. Another
 * address, the officer's own, is not held up by a stranger's guesses, and the right
 * password from it goes through. Whether the name is an account plays no part, so an
 * unknown name is slowed down exactly as a real one is. A count is forgotten once the
 * longest wait has passed without a failure, and when the password is given right.
 */
class SignInThrottle {

	private final ReactiveMongoTemplate mongo;

	private final AccountProperties properties;

	SignInThrottle(ReactiveMongoTemplate mongo, AccountProperties properties) {
		this.mongo = mongo;
		this.properties = properties;
	}

	/** Failed attempts at one name's password from one address. */
	@Document("sign_in_failures")
	record Failures(@Id String id, int failures, Instant lastFailureAt, Instant waitUntil) {
	}

	/**
	 * Answers {@link TooManyAttempts} if this address must still wait before it tries
	 * this name again.
	 * @param name the name signed in with, normalised
	 * @param address the client's address
	 * @return empty when it may try
	 */
	Mono<Void> check(String name, String address) {
		Instant now = Instant.now();
		return this.mongo.findById(key(name, address), Failures.class)
			.filter((failures) -> failures.waitUntil() != null && failures.waitUntil().isAfter(now))
			.flatMap((failures) -> Mono.<Void>error(
					new TooManyAttempts(Math.max(1, Duration.between(now, failures.waitUntil()).toSeconds()))));
	}

	/** Counts a failure, and makes the address wait once there were enough. */
	Mono<Void> failed(String name, String address) {
		Instant now = Instant.now();
		String key = key(name, address);
		Query forgotten = Query
			.query(Criteria.where("_id").is(key).and("lastFailureAt").lt(now.minus(this.properties.longestWait())));
		Query byKey = Query.query(Criteria.where("_id").is(key));
		return this.mongo.remove(forgotten, Failures.class)
			.then(this.mongo.findAndModify(byKey, new Update().inc("failures", 1).set("lastFailureAt", now),
					FindAndModifyOptions.options().upsert(true).returnNew(true), Failures.class))
			.flatMap((counted) -> {
				int beyond = counted.failures() - this.properties.attemptsBeforeWait();
				if (beyond < 0) {
					return Mono.empty();
				}
				Duration wait = this.properties.firstWait().multipliedBy(1L << Math.min(20, beyond));
				Instant until = now.plus(min(wait, this.properties.longestWait()));
				// concurrent failures each set their wait: the longest stands
				return this.mongo.updateFirst(byKey, new Update().max("waitUntil", until), Failures.class).then();
			});
	}

	/** The right password: the count for this name from this address starts again. */
	Mono<Void> succeeded(String name, String address) {
		return this.mongo.remove(Query.query(Criteria.where("_id").is(key(name, address))), Failures.class).then();
	}

	private static String key(String name, String address) {
		return name + " " + address;
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

	/** Too many failed attempts from here: try again after {@code retryAfterSeconds}. */
	static class TooManyAttempts extends Problem {

		TooManyAttempts(long retryAfterSeconds) {
			super(HttpStatus.TOO_MANY_REQUESTS, "too-many-attempts", "Too many failed attempts",
					"Too many failed attempts from here. Try again in " + retryAfterSeconds + " seconds.");
			getHeaders().set("Retry-After", String.valueOf(retryAfterSeconds));
		}

	}

}
