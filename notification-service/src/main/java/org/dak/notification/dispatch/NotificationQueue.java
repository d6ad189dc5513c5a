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
import org.bson.Document;
import org.dak.support.events.Outbox;
import org.dak.support.events.OutboxEvent;
import org.dak.support.mongo.IdsByKey;
import org.dak.support.mongo.Maintenance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
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
 * <p>
 * The notifications are the message log, kept for years; what senders look through is a
 * small working set beside it ({@value #QUEUE}): one entry per message not yet settled,
 * with its channel and when it is due. A claim takes an entry (pushing its due time past
 * the claim), then the message by its ID; a settled message's entry is removed, a retried
 * one's moved to its next attempt. An entry whose message is settled or gone is dropped
 * when it comes up. A crash between the two writes is put right when the event comes
 * again; the messages of an earlier version get their entries on the first start.
 */
@Component
class NotificationQueue {

	/** The working set of messages to send. */
	static final String QUEUE = "notification_queue";

	/** The mark of the first start on a database: the working set holds every message. */
	static final String FILLED = "notification queue holds every unsettled message";

	private final MongoTemplate mongo;

	private final MeterRegistry meters;

	private final Preferences preferences;

	private final OneTimeCodeBudget codes;

	private static final Logger log = LoggerFactory.getLogger(NotificationQueue.class);

	private final Clock clock = Clock.systemUTC();

	private final Outbox outbox;

	private final IdsByKey byItem;

	private final Maintenance maintenance;

	NotificationQueue(MongoTemplate mongo, MeterRegistry meters, Preferences preferences, Outbox outbox,
			OneTimeCodeBudget codes) {
		this.mongo = mongo;
		this.codes = codes;
		this.outbox = outbox;
		this.byItem = new IdsByKey(mongo, "notification_ids");
		this.maintenance = new Maintenance(mongo);
		this.meters = meters;
		this.preferences = preferences;
		Gauge.builder("dak.notifications.pending", this, NotificationQueue::pending)
			.description("messages waiting to be sent or retried")
			.register(meters);
	}

	/**
	 * The first time the service runs on a database: gives the messages stored before the
	 * working set existed their entries, and lists them by item. Every message since gets
	 * its entry as it is stored (or when its event comes again, should a crash have come
	 * in between), so later starts do not read the archive.
	 */
	@EventListener(ApplicationReadyEvent.class)
	@Order(0)
	void recoverOnce() {
		if (!this.maintenance.isDone(FILLED)) {
			recover();
			this.maintenance.done(FILLED);
		}
	}

	/**
	 * Gives every unsettled message an entry in the working set, and every message its
	 * place in its item's list if there are no lists yet. Reads every message.
	 */
	void recover() {
		int found = this.maintenance.scan("notifications",
				new Document("status", new Document("$in", Notification.UNSETTLED)),
				new Document("channel", 1).append("nextAttemptAt", 1), (message) -> {
					Instant due = (message.getDate("nextAttemptAt") != null)
							? message.getDate("nextAttemptAt").toInstant() : now();
					queued(message.get("_id"), message.getString("channel"), due);
				});
		if (found > 0) {
			log.info("{} messages wait to be sent", found);
		}
		if (this.byItem.isEmpty()) {
			// stored before the lists by item existed
			this.maintenance.scan("notifications", new Document(), new Document("complaintId", 1), (message) -> {
				if (message.getString("complaintId") != null) {
					this.byItem.add(message.getString("complaintId"), message.get("_id"));
				}
			});
		}
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
			if (Preferences.mayBeHeldBack(message.template().key(), message.audience())
					&& this.preferences.optedOut(complaintId, message.channel())) {
				count(message.channel(), message.template().key(), "opted-out");
				continue;
			}
			if (message.template() == Template.ONE_TIME_CODE && !this.codes.take(message.to())) {
				// the codes of many items made with one number: it is not flooded
				count(message.channel(), message.template().key(), "over-budget");
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
			queued(id, message.channel(), now);
			if (complaintId != null) {
				this.byItem.add(complaintId, id);
			}
			return true;
		}
		catch (DuplicateKeyException ex) {
			// stored before: should a crash have come between the message and its entry,
			// the entry is written now (a settled message's entry is dropped by the
			// claim)
			queued(id, message.channel(), now);
			return false;
		}
	}

	/** Gives a message its entry in the working set, unless it has one. */
	private void queued(Object id, String channel, Instant due) {
		this.mongo.upsert(Query.query(Criteria.where("_id").is(id)),
				new Update().setOnInsert("channel", channel).setOnInsert("dueAt", due), QUEUE);
	}

	/**
	 * Takes the next due message of a channel: new, waiting for a retry, or held by a
	 * sender whose claim ran out.
	 */
	Optional<Notification> claim(String channel, java.time.Duration claimFor) {
		while (true) {
			Instant now = now();
			// no sort: the embedded server would read and sort every due entry for each
			// claim
			// (a backlog of thousands made each claim cost tens of milliseconds); entries
			// come
			// in the order they were queued
			Query due = Query.query(Criteria.where("channel").is(channel).and("dueAt").lte(now));
			Document entry = this.mongo.findAndModify(due, new Update().set("dueAt", now.plus(claimFor)),
					FindAndModifyOptions.options().returnNew(true), Document.class, QUEUE);
			if (entry == null) {
				return Optional.empty();
			}
			String id = entry.getString("_id");
			Notification message = this.mongo.findById(id, Notification.class);
			if (message == null || !message.isUnsettled()) {
				// settled by a sender that crashed before removing the entry
				this.mongo.remove(Query.query(Criteria.where("_id").is(id)), QUEUE);
				continue;
			}
			// the entry is this sender's now; the condition only guards against a change
			// to the message meanwhile
			Update take = new Update().set("status", Notification.SENDING)
				.set("claimedUntil", now.plus(claimFor))
				.set("updatedAt", now)
				.inc("attempts", 1);
			Notification claimed = this.mongo.findAndModify(
					Query.query(Criteria.where("_id").is(id).and("status").is(message.status())), take,
					FindAndModifyOptions.options().returnNew(true), Notification.class);
			if (claimed != null) {
				return Optional.of(claimed);
			}
		}
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
		if (notification.toldOnTheTimelineAs(status)) {
			NotificationDispatched event = new NotificationDispatched(OutboxEvent.newEventId(),
					notification.complaintId(), now, notification.id(), notification.channel(), notification.audience(),
					notification.template(), status, notification.recipient());
			update.push("outbox", OutboxEvent.pending(event, notification.complaintId(), event.eventId(), now));
		}
		// exactly the keys of the unique index "id_status": found without reading the log
		Query unchanged = Query.query(Criteria.where("_id").is(notification.id()).and("status").is(expected));
		boolean changed = this.outbox
			.write("notifications", notification.id(),
					() -> this.mongo.updateFirst(unchanged, update, Notification.class))
			.getModifiedCount() == 1;
		if (changed) {
			count(notification.channel(), notification.template(), status);
			Query entry = Query.query(Criteria.where("_id").is(notification.id()));
			if (Notification.staysQueued(status)) {
				this.mongo.updateFirst(entry, new Update().set("dueAt", nextAttemptAt), QUEUE);
			}
			else {
				this.mongo.remove(entry, QUEUE);
			}
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
		if (sent == null || !sent.takesDeliveryReceipts()) {
			return Optional.empty();
		}
		return settle(sent, sent.status(), status, reason, null) ? Optional.of(sent) : receipt(id, status, reason);
	}

	/**
	 * Sends again the messages about an item that did not arrive: those the provider
	 * refused for good and those still failing when their retries ran out. Each is queued
	 * again as new, with its retries afresh and its earlier failure kept in its reason; a
	 * message sent or delivered is not sent twice, and an applicant who has since opted
	 * out of a channel gets nothing more on it (but the receipt).
	 * @param complaintId the item
	 * @param by who asked
	 * @return the messages queued again
	 */
	List<Notification> resend(String complaintId, String by) {
		List<Notification> again = new java.util.ArrayList<>();
		for (Notification message : forComplaint(complaintId)) {
			if (!message.mayBeSentAgain()) {
				continue;
			}
			if (Preferences.mayBeHeldBack(message.template(), message.audience())
					&& this.preferences.optedOut(complaintId, message.channel())) {
				continue;
			}
			Instant now = now();
			// exactly the keys of the unique index "id_status"
			Query stillFailed = Query.query(Criteria.where("_id").is(message.id()).and("status").is(message.status()));
			Update queuedAgain = new Update().set("status", Notification.CREATED)
				.set("reason", "sent again at the request of " + by + " after: " + message.reason())
				.set("attempts", 0)
				.set("updatedAt", now)
				.unset("nextAttemptAt")
				.unset("claimedUntil");
			if (this.mongo.updateFirst(stillFailed, queuedAgain, Notification.class).getModifiedCount() == 1) {
				queued(message.id(), message.channel(), now);
				count(message.channel(), message.template(), "resent");
				find(message.id()).ifPresent(again::add);
			}
		}
		return again;
	}

	Optional<Notification> find(String id) {
		return Optional.ofNullable(this.mongo.findById(id, Notification.class));
	}

	/** An item's messages: its list, then they by their IDs. */
	List<Notification> forComplaint(String complaintId) {
		List<Object> ids = this.byItem.of(complaintId);
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.mongo.find(Query.query(Criteria.where("_id").in(ids)).with(Sort.by("createdAt", "channel")),
				Notification.class);
	}

	private double pending() {
		return this.mongo.getCollection(QUEUE).estimatedDocumentCount();
	}

	private void count(String channel, String template, String outcome) {
		this.meters.counter("dak.notifications", "channel", channel, "template", template, "outcome", outcome)
			.increment();
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

}
