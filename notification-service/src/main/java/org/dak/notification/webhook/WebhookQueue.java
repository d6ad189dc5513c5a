package org.dak.notification.webhook;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.dak.support.mongo.IdsByKey;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Where deliveries are kept and found. The deliveries are the log, kept for good and only
 * ever read by their IDs; a subscriber's log is found day by day through the lists of its
 * deliveries' IDs; what the senders look through is a small working set beside them
 * ({@code webhook_queue}): one entry per delivery still to be sent. So no query reads
 * more as the log grows (the embedded MongoDB server answers only the {@code _id} and
 * unique indexes).
 */
@Component
class WebhookQueue {

	/** The longest a subscriber's log is looked back. */
	static final int LOG_DAYS = 31;

	private final MongoTemplate mongo;

	private final IdsByKey byDay;

	private final Clock clock = Clock.systemUTC();

	WebhookQueue(MongoTemplate mongo) {
		this.mongo = mongo;
		this.byDay = new IdsByKey(mongo, "webhook_delivery_ids");
	}

	/**
	 * One delivery still to be sent. The indexes serve a real MongoDB (the senders' due
	 * scan and the check for an earlier event of the item); the embedded server reads the
	 * working set, which holds only deliveries not yet settled.
	 */
	@Document("webhook_queue")
	@CompoundIndex(name = "item", def = "{'subscriberId': 1, 'subject': 1, 'occurredAt': 1}")
	record Entry(@Id String id, String subscriberId, String subject, Instant occurredAt, @Indexed Instant nextAttemptAt,
			Instant claimedUntil) {
	}

	/**
	 * Keeps a new delivery and puts it in the working set; an event read again changes
	 * nothing, except that a delivery left out of the working set by a crash is put back.
	 */
	void keep(WebhookDelivery delivery) {
		try {
			this.mongo.insert(delivery);
		}
		catch (DuplicateKeyException ex) {
			WebhookDelivery kept = this.mongo.findById(delivery.id(), WebhookDelivery.class);
			if (kept == null || kept.status() != WebhookDelivery.Status.PENDING) {
				return;
			}
			delivery = kept;
		}
		this.byDay.add(dayKey(delivery.subscriberId(), delivery.createdAt()), delivery.id());
		enqueue(delivery, delivery.nextAttemptAt());
	}

	void enqueue(WebhookDelivery delivery, Instant due) {
		this.mongo.upsert(Query.query(where("_id").is(delivery.id())),
				Update.update("subscriberId", delivery.subscriberId())
					.set("subject", delivery.subject())
					.set("occurredAt", delivery.occurredAt())
					.set("nextAttemptAt", due)
					.set("claimedUntil", null),
				Entry.class);
	}

	/** The entries that are due, soonest first. */
	List<Entry> due(Instant now, int limit) {
		return this.mongo.find(Query.query(where("nextAttemptAt").lte(now)).with(Sort.by("nextAttemptAt")).limit(limit),
				Entry.class);
	}

	/** Whether an earlier event of the same item waits for the same subscriber. */
	boolean earlierWaits(Entry entry) {
		return this.mongo.exists(Query.query(where("subscriberId").is(entry.subscriberId())
			.and("subject")
			.is(entry.subject())
			.and("occurredAt")
			.lt(entry.occurredAt())), Entry.class);
	}

	/** Takes an entry for a while; only one sender gets it. */
	boolean claim(Entry entry, Instant now, Instant until) {
		return this.mongo.updateFirst(
				Query.query(where("_id").is(entry.id())
					.orOperator(where("claimedUntil").is(null), where("claimedUntil").lt(now))),
				Update.update("claimedUntil", until), Entry.class)
			.getModifiedCount() == 1;
	}

	void retryAt(String id, Instant due) {
		this.mongo.updateFirst(Query.query(where("_id").is(id)),
				Update.update("nextAttemptAt", due).set("claimedUntil", null), Entry.class);
	}

	void settled(String id) {
		this.mongo.remove(Query.query(where("_id").is(id)), Entry.class);
	}

	/**
	 * A subscriber's deliveries, newest first, at most {@code size}, of the last 31 days.
	 */
	List<WebhookDelivery> log(String subscriberId, int size) {
		List<WebhookDelivery> log = new ArrayList<>();
		LocalDate day = LocalDate.now(this.clock);
		for (int back = 0; back < LOG_DAYS && log.size() < size; back++) {
			List<Object> ids = new ArrayList<>(this.byDay.of(subscriberId + "/" + day.minusDays(back)));
			if (ids.isEmpty()) {
				continue;
			}
			List<WebhookDelivery> ofTheDay = new ArrayList<>(
					this.mongo.find(Query.query(where("_id").in(ids)), WebhookDelivery.class));
			ofTheDay.sort((a, b) -> b.createdAt().compareTo(a.createdAt()));
			log.addAll(ofTheDay.subList(0, Math.min(ofTheDay.size(), size - log.size())));
		}
		return log;
	}

	private static String dayKey(String subscriberId, Instant at) {
		return subscriberId + "/" + LocalDate.ofInstant(at, ZoneOffset.UTC);
	}

}
