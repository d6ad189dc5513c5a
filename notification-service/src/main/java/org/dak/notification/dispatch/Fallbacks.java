package org.dak.notification.dispatch;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * When a message to an applicant fails for good, the same message goes to their other
 * channel (SMS ↔ e-mail), once, unless it went there already or they opted out of it.
 */
@Component
class Fallbacks {

	private final MongoTemplate mongo;

	private final Messages messages;

	private final NotificationQueue queue;

	private final Preferences preferences;

	Fallbacks(MongoTemplate mongo, Messages messages, NotificationQueue queue, Preferences preferences) {
		this.mongo = mongo;
		this.messages = messages;
		this.queue = queue;
		this.preferences = preferences;
	}

	void after(Notification failed) {
		if (!"APPLICANT".equals(failed.audience()) || failed.fallbackFor() != null || failed.complaintId() == null) {
			return;
		}
		ApplicantContact contact = this.mongo.findById(failed.complaintId(), ApplicantContact.class);
		String other = "SMS".equals(failed.channel()) ? "EMAIL" : "SMS";
		if (contact == null
				|| this.queue.find(failed.id().replace(":" + failed.channel() + ":", ":" + other + ":")).isPresent()) {
			// the same message went on the other channel already (the receipt goes on
			// both)
			return;
		}
		this.messages.fallback(failed, contact)
			.filter((message) -> !Preferences.mayBeHeldBack(failed.template(), failed.audience())
					|| !this.preferences.optedOut(failed.complaintId(), message.channel()))
			.ifPresent(
					(message) -> this.queue.add(failed.id() + ":fallback", failed.complaintId(), message, failed.id()));
	}

}
