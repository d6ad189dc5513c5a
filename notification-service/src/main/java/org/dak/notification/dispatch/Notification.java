package org.dak.notification.dispatch;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.dak.support.events.OutboxEvent;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One message to one recipient, and what became of it. It is the send queue too: written
 * before anything is sent, taken by a sender, and kept with its status, so a restart
 * forgets nothing. Its ID is the provider's reference, made of the event, the channel and
 * the audience, so a redelivered event finds it and sends nothing more.
 *
 * @param id {@code <eventId>:<channel>:<audience>}
 * @param complaintId the item it is about ({@code null} for a digest)
 * @param channel {@code SMS} or {@code EMAIL}
 * @param audience {@code APPLICANT}, {@code OFFICER} or {@code DM}
 * @param template which message, e.g. {@code status-disposed}
 * @param language {@code hi} or {@code en}
 * @param to the number or address
 * @param recipient the same, masked, as the log shows it
 * @param values the template's placeholders
 * @param status {@code created}, {@code sending}, {@code sent}, {@code delivered},
 * {@code temporary-failure}, {@code permanent-failure} or {@code technical-failure}
 * @param reason why it failed, or {@code null}
 * @param attempts sends tried
 * @param nextAttemptAt when it is due
 * @param claimedUntil how long a sender holds it
 * @param fallbackFor the message it replaces on the other channel, or {@code null}
 * @param createdAt when it was created
 * @param updatedAt when its status last changed
 * @param outbox events waiting to be published
 */
@Document("notifications")
@CompoundIndex(name = "id_status", def = "{'_id': 1, 'status': 1}", unique = true)
record Notification(@Id String id, @Indexed String complaintId, String channel, String audience, String template,
		String language, String to, String recipient, Map<String, String> values, @Indexed String status, String reason,
		Integer attempts, Instant nextAttemptAt, Instant claimedUntil, String fallbackFor, Instant createdAt,
		Instant updatedAt, List<OutboxEvent> outbox) {

	static final String CREATED = "created";

	static final String SENDING = "sending";

	static final String SENT = "sent";

	static final String DELIVERED = "delivered";

	static final String TEMPORARY_FAILURE = "temporary-failure";

	static final String PERMANENT_FAILURE = "permanent-failure";

	static final String TECHNICAL_FAILURE = "technical-failure";

	/**
	 * Reads what an earlier version stored too (upper-case statuses, no retry fields): a
	 * message it left unsent cannot be rendered again, and counts as a technical failure.
	 */
	Notification {
		attempts = (attempts != null) ? attempts : 0;
		values = (values != null) ? values : Map.of();
		outbox = (outbox != null) ? outbox : List.of();
		status = switch (status) {
			case "SENT" -> SENT;
			case "PENDING", "FAILED" -> TECHNICAL_FAILURE;
			default -> status;
		};
	}

	/** The statuses of a message not yet settled. */
	static final List<String> UNSETTLED = List.of(CREATED, SENDING, TEMPORARY_FAILURE);

	/** Not yet settled: waiting to be sent, being sent, or to be tried again. */
	boolean isUnsettled() {
		return UNSETTLED.contains(this.status);
	}

	/**
	 * Whether a delivery receipt may change it: only a message the provider took (sent,
	 * or still sending when the provider's receipt overtook the sender's own word).
	 */
	boolean takesDeliveryReceipts() {
		return SENT.equals(this.status) || SENDING.equals(this.status);
	}

	/**
	 * Whether it may be sent again on request: it did not arrive and will not by itself.
	 */
	boolean mayBeSentAgain() {
		return PERMANENT_FAILURE.equals(this.status) || TECHNICAL_FAILURE.equals(this.status);
	}

	/**
	 * Whether a message settled with this status stays in the send queue (to be tried
	 * again) rather than leaving it.
	 */
	static boolean staysQueued(String status) {
		return TEMPORARY_FAILURE.equals(status);
	}

	/**
	 * Whether the item's timeline is told of a message settled with this status: every
	 * outcome but a failure that will be tried again.
	 */
	boolean toldOnTheTimelineAs(String status) {
		return this.complaintId != null && !TEMPORARY_FAILURE.equals(status);
	}

	/** An address as the log shows it. */
	static String mask(String channel, String to) {
		if ("SMS".equals(channel)) {
			return "XXXXXX" + to.substring(Math.max(0, to.length() - 4));
		}
		int at = to.indexOf('@');
		return (at > 0) ? to.charAt(0) + "***" + to.substring(at) : "***";
	}

}
