package org.dak.contracts;

import java.time.Instant;

/**
 * The applicant asked for a one-time code to act on their item without the access code
 * (for feedback): the notification service sends it to the registered mobile or e-mail.
 * The code itself is sealed for that service; nobody else reading the topic can open it.
 *
 * @param eventId unique ID of this event; consumers de-duplicate on it
 * @param complaintId the item (its receipt number)
 * @param occurredAt when it was issued
 * @param channel {@code SMS} or {@code EMAIL}: where to send it
 * @param sealedCode the six digits, sealed for the notification service
 * @param expiresAt when the code stops working
 */
public record OneTimeCodeIssued(String eventId, String complaintId, Instant occurredAt, String channel,
		String sealedCode, Instant expiresAt) {
}
