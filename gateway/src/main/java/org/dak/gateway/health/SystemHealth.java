package org.dak.gateway.health;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The whole system at one moment.
 *
 * @param at when it was asked
 * @param status {@code UP} when every service and dependency is, else {@code DOWN} (or
 * {@code DEGRADED} when only a dependency is)
 * @param services each service
 * @param dependencies the database, the broker, the mail relay and the SMS provider, as
 * the services find them
 * @param warnings what the office must see to before it goes wrong (the status stays as
 * it is)
 */
record SystemHealth(Instant at, String status, List<Service> services, List<Dependency> dependencies,
		List<Warning> warnings) {

	/**
	 * Something the office must see to.
	 *
	 * @param kind {@code holidays-missing}: the public holidays of {@code year} are not
	 * entered, so deadlines and expected dates in it count none
	 * @param year the year it is about
	 * @param service the service that reported it
	 */
	record Warning(String kind, Integer year, String service) {
	}

	/**
	 * One service.
	 *
	 * @param name its name
	 * @param status {@code UP}, {@code DOWN} or {@code UNKNOWN}
	 * @param components what its own health check reports, by name
	 * @param outboxPending events written and not yet published
	 * @param notificationsPending messages waiting to be sent (notification only)
	 * @param deadLetters events set aside on a dead-letter topic since it started
	 * @param error why it could not be asked, if it could not
	 * @param lastError the last error it logged since it started, if any
	 */
	record Service(String name, String status, Map<String, String> components, Double outboxPending,
			Double notificationsPending, Double deadLetters, String error, LoggedError lastError) {
	}

	/**
	 * The last error a service logged.
	 *
	 * @param at when
	 * @param logger where in the service (the logger's name)
	 * @param message what it said, cut to a few hundred characters (the log has it all)
	 * @param count errors it has logged since it started
	 */
	record LoggedError(Instant at, String logger, String message, long count) {
	}

	/**
	 * Something the services depend on.
	 *
	 * @param name {@code database}, {@code broker}, {@code mail} or {@code sms}
	 * @param status {@code UP}, {@code DOWN}, {@code DEGRADED} or {@code UNKNOWN}
	 * @param detail which service found it so, and how
	 */
	record Dependency(String name, String status, String detail) {
	}

}
