package org.dak.notification.dispatch;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One message to one recipient, and what became of it. The ID is made of the event, the
 * channel and the audience, so a redelivered event finds its notification already sent.
 *
 * @param id {@code <eventId>:<channel>:<audience>}
 * @param complaintId the item it is about
 * @param channel {@code SMS} or {@code EMAIL}
 * @param audience {@code APPLICANT} or {@code OFFICER}
 * @param template which message
 * @param recipient masked address or number
 * @param status {@code PENDING}, {@code SENT} or {@code FAILED}
 * @param reason why it failed, or {@code null}
 * @param createdAt when it was created
 * @param updatedAt when its status last changed
 */
@Document("notifications")
record Notification(@Id String id, @Indexed String complaintId, String channel, String audience, String template,
		String recipient, String status, String reason, Instant createdAt, Instant updatedAt) {

	Notification with(String newStatus, String newReason) {
		return new Notification(this.id, this.complaintId, this.channel, this.audience, this.template, this.recipient,
				newStatus, newReason, this.createdAt, Instant.now());
	}

}
