package org.dak.tracking.complaintcase;

import java.time.Instant;
import java.util.List;

import org.dak.contracts.NotificationDispatched;
import org.dak.support.mongo.IdsByKey;
import org.dak.support.mongo.Maintenance;

import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
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
public class CaseMessages {

	private final MongoTemplate mongo;

	private final IdsByKey byItem;

	CaseMessages(MongoTemplate mongo) {
		this.mongo = mongo;
		this.byItem = new IdsByKey(mongo, "case_message_ids");
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
	public record MessageSent(@Id String notificationId, @Indexed String complaintId, String channel, String audience,
			String template, String status, String recipient, Instant at) {
	}

	/**
	 * Notes what became of a message; an older word arriving late changes nothing. One
	 * item's events share a partition, so they come one at a time.
	 */
	public void apply(NotificationDispatched event) {
		MessageSent known = this.mongo.findById(event.notificationId(), MessageSent.class);
		if (known != null && !known.at().isBefore(event.occurredAt())) {
			return;
		}
		this.byItem.add(event.complaintId(), event.notificationId());
		this.mongo.save(new MessageSent(event.notificationId(), event.complaintId(), event.channel(), event.audience(),
				event.template(), event.status(), event.recipient(), event.occurredAt()));
	}

	/**
	 * The messages sent about an item, oldest first: its list, then they by their IDs.
	 */
	public List<MessageSent> of(String complaintId) {
		List<Object> ids = this.byItem.of(complaintId);
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.mongo.find(Query.query(Criteria.where("_id").in(ids)).with(Sort.by("at")), MessageSent.class);
	}

	/** After an upgrade: lists the messages stored before the lists existed, once. */
	@EventListener(ApplicationReadyEvent.class)
	void listAfterUpgrade() {
		if (!this.byItem.isEmpty()) {
			return;
		}
		new Maintenance(this.mongo).scan(this.mongo.getCollectionName(MessageSent.class), new org.bson.Document(),
				new org.bson.Document("complaintId", 1),
				(message) -> this.byItem.add(message.getString("complaintId"), message.get("_id")));
	}

}
