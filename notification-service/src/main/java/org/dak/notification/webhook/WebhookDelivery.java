package org.dak.notification.webhook;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One event for one subscriber: the CloudEvent as it is sent (the same bytes on every
 * attempt), and how its delivery goes. Its ID is the subscriber's and the event's, so an
 * event read twice is kept once.
 */
@Document("webhook_deliveries")
record WebhookDelivery(@Id String id, String subscriberId, String eventId, String type, String subject,
		Instant occurredAt, String body, Status status, int attempts, Instant nextAttemptAt, Integer lastResponse,
		String lastError, Instant createdAt, Instant deliveredAt, Instant resentAt) {

	enum Status {

		/** Waiting for its (next) attempt. */
		PENDING,

		/** The subscriber answered 2xx. */
		DELIVERED,

		/** Given up after the bounded time; the log can send it again. */
		FAILED

	}

	/** When its bounded time runs from: its event, or the last time it was sent again. */
	Instant triedSince() {
		return (this.resentAt != null) ? this.resentAt : this.createdAt;
	}

	static String idOf(String subscriberId, String eventId) {
		return subscriberId + "/" + eventId;
	}

}
