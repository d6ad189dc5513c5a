package org.dak.notification.dispatch;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.dak.contracts.NotificationDispatched;
import org.dak.notification.template.Template;
import org.dak.support.events.OutboxEvent;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The notifications collection as a send queue. Writing a message is all an event handler
 * does; senders take due messages one at a time with an atomic claim, so several
 * instances never send the same one at once, and a crashed sender's claim runs out.
 */
@Component
class NotificationQueue {

	private final MongoTemplate mongo;

	private final MeterRegistry meters;

	private final Preferences preferences;

	private final Clock clock = Clock.systemUTC();

	NotificationQueue(MongoTemplate mongo, MeterRegistry meters, Preferences preferences) {
		this.mongo = mongo;
		this.meters = meters;
		this.preferences = preferences;
		Gauge.builder("dak.notifications.pending", this, NotificationQueue::pending)
			.description("messages waiting to be sent or retried")
			.register(meters);
	}

	/**
	 * Queues the messages of one event; a message queued before (the event came again) is
	 * left as it is. Applicants' opt-outs are honoured, except for the receipt.
	 */
	void enqueue(String eventId, String complaintId, List<Message> messages) {
		java.util.Map<String, Integer> seen = new java.util.HashMap<>();
		for (Message message : messages) {
			String id = eventId + ":" + message.channel() + ":" + message.audience();
			// a second message of the same kind (a copy to another office) gets a number
			int n = seen.merge(id, 1, Integer::sum);
			if (message.template() != Template.RECEIVED && "APPLICANT".equals(message.audience())
					&& this.preferences.optedOut(message.channel(), message.to())) {
				count(message.channel(), message.template().key(), "opted-out");
				continue;
			}
			add((n == 1) ? id : id + ":" + n, complaintId, message, null);
		}
	}

	/** Queues one message under its own ID, unless it is there already. */
	boolean add(String id, String complaintId, Message message, String fallbackFor) {
		Instant now = now();
		try {
			this.mongo.insert(new Notification(id, complaintId, message.channel(), message.audience(),
					message.template().key(), message.language(), message.to(),
					Notification.mask(message.channel(), message.to()), message.values(), Notification.CREATED, null, 0,
					now, null, fallbackFor, now, now, List.of()));
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	/**
	 * Takes the next due message of a channel: new, waiting for a retry, or held by a
	 * sender whose claim ran out.
	 */
	Optional<Notification> claim(String channel, java.time.Duration claimFor) {
		Instant now = now();
		Criteria due = new Criteria().orOperator(Criteria.where("status")
			.in(Notification.CREATED, Notification.TEMPORARY_FAILURE)
			.and("nextAttemptAt")
			.lte(now), Criteria.where("status").is(Notification.SENDING).and("claimedUntil").lt(now));
		Query query = new Query(new Criteria().andOperator(Criteria.where("channel").is(channel), due))
			.with(Sort.by("nextAttemptAt"));
		Update take = new Update().set("status", Notification.SENDING)
			.set("claimedUntil", now.plus(claimFor))
			.set("updatedAt", now)
			.inc("attempts", 1);
		return Optional.ofNullable(this.mongo.findAndModify(query, take, FindAndModifyOptions.options().returnNew(true),
				Notification.class));
	}

	/**
	 * Records what became of a message, with the event announcing it where the timeline
	 * should show it.
	 */
	void settle(Notification notification, String status, String reason, Instant nextAttemptAt) {
		settle(notification, Notification.SENDING, status, reason, nextAttemptAt);
	}

	/**
	 * Changes the status only if it is still {@code expected}: a delivery receipt that
	 * overtook the sender's own "sent" is not undone by it.
	 */
	private boolean settle(Notification notification, String expected, String status, String reason,
			Instant nextAttemptAt) {
		Instant now = now();
		Update update = new Update().set("status", status)
			.set("reason", reason)
			.set("updatedAt", now)
			.set("nextAttemptAt", nextAttemptAt)
			.unset("claimedUntil");
		if (notification.complaintId() != null && !Notification.TEMPORARY_FAILURE.equals(status)) {
			NotificationDispatched event = new NotificationDispatched(OutboxEvent.newEventId(),
					notification.complaintId(), now, notification.id(), notification.channel(), notification.audience(),
					notification.template(), status, notification.recipient());
			update.push("outbox", OutboxEvent.pending(event, notification.complaintId(), event.eventId(), now));
		}
		boolean changed = this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(notification.id()).and("status").is(expected)), update,
					Notification.class)
			.getModifiedCount() == 1;
		if (changed) {
			count(notification.channel(), notification.template(), status);
		}
		return changed;
	}

	/**
	 * A delivery receipt: {@code delivered}, or a failure after the provider took it.
	 * @return the message before the change, if it is ours and was sent
	 */
	Optional<Notification> receipt(String id, String status, String reason) {
		Notification sent = this.mongo.findById(id, Notification.class);
		if (sent != null && sent.status().equals(status)) {
			// the provider repeated a receipt: nothing changes, and it hears OK
			return Optional.of(sent);
		}
		if (sent == null || !(Notification.SENT.equals(sent.status()) || Notification.SENDING.equals(sent.status()))) {
			return Optional.empty();
		}
		return settle(sent, sent.status(), status, reason, null) ? Optional.of(sent) : receipt(id, status, reason);
	}

	Optional<Notification> find(String id) {
		return Optional.ofNullable(this.mongo.findById(id, Notification.class));
	}

	List<Notification> forComplaint(String complaintId) {
		return this.mongo.find(
				Query.query(Criteria.where("complaintId").is(complaintId)).with(Sort.by("createdAt", "channel")),
				Notification.class);
	}

	private double pending() {
		return this.mongo.count(
				Query.query(Criteria.where("status")
					.in(Notification.CREATED, Notification.SENDING, Notification.TEMPORARY_FAILURE)),
				Notification.class);
	}

	private void count(String channel, String template, String outcome) {
		this.meters.counter("dak.notifications", "channel", channel, "template", template, "outcome", outcome)
			.increment();
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

}
