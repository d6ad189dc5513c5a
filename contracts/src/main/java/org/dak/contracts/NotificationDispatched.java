package org.dak.contracts;

import java.time.Instant;

/**
 * A message about an item reached a provider, or its fate became known: sent, delivered,
 * or failed for good. Lets the timeline show "SMS sent".
 *
 * @param eventId unique ID of this event; consumers de-duplicate on it
 * @param complaintId the item the message is about
 * @param occurredAt when its status changed
 * @param notificationId the message's ID (the provider's reference)
 * @param channel {@code SMS} or {@code EMAIL}
 * @param audience {@code APPLICANT}, {@code OFFICER} or {@code DM}
 * @param template which message, e.g. {@code status-disposed}
 * @param status {@code sent}, {@code delivered}, {@code permanent-failure} or
 * {@code technical-failure}
 * @param recipient the address, masked
 */
public record NotificationDispatched(String eventId, String complaintId, Instant occurredAt, String notificationId,
		String channel, String audience, String template, String status, String recipient) {
}
