package org.dak.support.events;

import java.time.Instant;

import org.bson.Document;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The ledger of events a consumer has already handled, keyed (uniquely) by event ID, so a
 * redelivered event is handled once. The handler's own write comes first and the ledger
 * entry after it: a crash in between redelivers the event, so handlers are written to be
 * safe to run again, and the ledger spares them the repeat in the common case.
 */
public class ProcessedEvents {

	static final String COLLECTION = "processed_events";

	private final MongoTemplate mongo;

	ProcessedEvents(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * Runs the handler unless the event was handled before, then records it.
	 * @param eventId the event's ID
	 * @param topic the topic it came from (kept for operators)
	 * @param handler what to do with it
	 * @return {@code true} if the handler ran
	 */
	public boolean once(String eventId, String topic, Runnable handler) {
		// a find by _id, not exists(): that is a count, which the embedded MongoDB server
		// answers with an aggregation over every processed event
		if (this.mongo.findById(eventId, Document.class, COLLECTION) != null) {
			return false;
		}
		handler.run();
		try {
			this.mongo.insert(new Document("_id", eventId).append("topic", topic).append("processedAt", Instant.now()),
					COLLECTION);
		}
		catch (DuplicateKeyException ex) {
			// another instance handled it at the same moment: both wrote the same
			// idempotent result
		}
		return true;
	}

}
