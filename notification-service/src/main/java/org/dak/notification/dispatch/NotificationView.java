package org.dak.notification.dispatch;

import java.time.Instant;

/**
 * A message as the log shows it: no full address, no text.
 */
record NotificationView(String id, String complaintId, String channel, String audience, String template,
		String language, String recipient, String status, String reason, int attempts, String fallbackFor,
		Instant createdAt, Instant updatedAt) {

	static NotificationView of(Notification n) {
		return new NotificationView(n.id(), n.complaintId(), n.channel(), n.audience(), n.template(), n.language(),
				n.recipient(), n.status(), n.reason(), n.attempts(), n.fallbackFor(), n.createdAt(), n.updatedAt());
	}

}
