package org.dak.notification.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.dak.contracts.Topic;
import org.dak.support.events.EventJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Events about an item that arrive before its receipt ({@code complaint-received}): one
 * item's events travel on different topics and may overtake each other. Such an event is
 * kept here, in this service's database, and handled as soon as the receipt arrives,
 * instead of failing until it lands in a dead-letter topic and its message is lost. The
 * collection holds only events that wait, so it stays small; one that waits longer than
 * {@code dak.notification.early-events.max-wait} is flagged, counted and logged for an
 * operator, and kept.
 */
@Component
class EarlyEvents {

	private static final Logger log = LoggerFactory.getLogger(EarlyEvents.class);

	static final String COLLECTION = "early_events";

	private final MongoTemplate mongo;

	private final MeterRegistry meters;

	private final Duration maxWait;

	EarlyEvents(MongoTemplate mongo, MeterRegistry meters,
			@Value("${dak.notification.early-events.max-wait:24h}") Duration maxWait) {
		this.mongo = mongo;
		this.meters = meters;
		this.maxWait = maxWait;
		mongo.indexOps(COLLECTION).createIndex(new Index("complaintId", Sort.Direction.ASC));
		meters.gauge("dak.notifications.early.events", mongo,
				(template) -> template.getCollection(COLLECTION).countDocuments());
	}

	/** Whether the item's receipt has been handled here. */
	boolean knows(String complaintId) {
		// by _id, not exists(): the embedded server answers a count by reading every
		// contact
		return this.mongo.findById(complaintId, ApplicantContact.class) != null;
	}

	/**
	 * Keeps an event until its item's receipt arrives.
	 * @param eventId its ID (the key here)
	 * @param complaintId the item
	 * @param event the event
	 */
	void keep(String eventId, String complaintId, Record event) {
		Topic topic = Topic.carrying(event.getClass());
		this.mongo.save(new Document("_id", eventId).append("complaintId", complaintId)
			.append("topic", topic.topicName())
			.append("payload", EventJson.write(event))
			.append("arrivedAt", Instant.now()), COLLECTION);
		this.meters.counter("dak.notifications.early.events.kept", "topic", topic.topicName()).increment();
	}

	/**
	 * Hands the events that waited for the item to the handler, oldest first, and forgets
	 * each once handled. A crash in between leaves it here to be handled again: handlers
	 * are idempotent (messages are keyed by event), so that sends nothing twice.
	 */
	void release(String complaintId, Consumer<Record> handler) {
		Query waiting = Query.query(Criteria.where("complaintId").is(complaintId)).with(Sort.by("arrivedAt"));
		for (Document event : this.mongo.find(waiting, Document.class, COLLECTION)) {
			Topic topic = Topic.named(event.getString("topic"));
			handler.accept(EventJson.read(event.getString("payload"), topic.eventClass()));
			this.mongo.remove(Query.query(Criteria.where("_id").is(event.get("_id"))), COLLECTION);
		}
	}

	/** Flags, counts and logs events that waited too long for their item's receipt. */
	@Scheduled(fixedDelayString = "${dak.notification.early-events.check-interval:10m}", initialDelay = 60_000)
	void flagOverdue() {
		Query overdue = Query
			.query(Criteria.where("arrivedAt").lt(Instant.now().minus(this.maxWait)).and("flaggedAt").exists(false));
		for (Document event : this.mongo.find(overdue, Document.class, COLLECTION)) {
			log.error(
					"Event {} on {} for {} has waited since {} for the item's receipt; it is kept in {} for an "
							+ "operator",
					event.get("_id"), event.get("topic"), event.get("complaintId"), event.get("arrivedAt"), COLLECTION);
			this.meters.counter("dak.notifications.early.events.overdue", "topic", event.getString("topic"))
				.increment();
			this.mongo.updateFirst(Query.query(Criteria.where("_id").is(event.get("_id"))),
					new Update().set("flaggedAt", Instant.now()), COLLECTION);
		}
	}

}
