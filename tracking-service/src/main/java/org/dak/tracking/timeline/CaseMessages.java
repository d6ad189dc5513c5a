package org.dak.tracking.timeline;

import java.time.Instant;
import java.util.List;

import org.dak.contracts.NotificationDispatched;

import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The messages sent about each item ({@code notification-dispatched}), kept apart from
 * the case so a delivery report never races an officer's update of it.
 */
@Component
class CaseMessages {

	private final MongoTemplate mongo;

	CaseMessages(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * A message sent about an item, with what became of it (the newest word on it).
	 *
	 * @param notificationId the message's ID
	 * @param complaintId the item
	 * @param channel {@code SMS} or {@code EMAIL}
	 * @param audience {@code APPLICANT}, {@code OFFICER} or {@code DM}
	 * @param template which message
	 * @param status {@code sent}, {@code delivered}, {@code permanent-failure} or
	 * {@code technical-failure}
	 * @param recipient the masked address
	 * @param at when its status last changed
	 */
	@Document("case_messages")
	record MessageSent(@Id String notificationId, @Indexed String complaintId, String channel, String audience,
			String template, String status, String recipient, Instant at) {
	}

	/**
	 * Notes what became of a message; an older word arriving late changes nothing. One
	 * item's events share a partition, so they come one at a time.
	 */
	void apply(NotificationDispatched event) {
		MessageSent known = this.mongo.findById(event.notificationId(), MessageSent.class);
		if (known != null && !known.at().isBefore(event.occurredAt())) {
			return;
		}
		this.mongo.save(new MessageSent(event.notificationId(), event.complaintId(), event.channel(), event.audience(),
				event.template(), event.status(), event.recipient(), event.occurredAt()));
	}

	/** The messages sent about an item, oldest first. */
	List<MessageSent> of(String complaintId) {
		return this.mongo.find(Query.query(Criteria.where("complaintId").is(complaintId)).with(Sort.by("at")),
				MessageSent.class);
	}

}
