package org.dak.support.events;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import org.bson.Document;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveCallback;
import org.springframework.data.mongodb.core.mapping.event.BeforeSaveCallback;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Where a service stores a change that carries outbox events, so that the relay publishes
 * them at once and never has to look for them among all the stored documents.
 * <p>
 * Besides the events inside the document, a small working set
 * ({@value #PENDING_COLLECTION}) names every document that may hold unpublished ones. Its
 * entry is written before the change (a crash right after the change cannot hide the
 * events) and touched again after it (so the relay, which removes an entry only if nobody
 * touched it while it published, never drops one whose newest events it has not seen).
 * Then the relay is told to publish the document now. Saves and inserts of documents with
 * pending events go through here on their own (entity callbacks); updates that push an
 * event call {@link #write}.
 */
public class Outbox {

	/** The working set of documents that may hold unpublished events. */
	public static final String PENDING_COLLECTION = "outbox_pending";

	private final MongoTemplate mongo;

	private final OutboxRelay relay;

	Outbox(MongoTemplate mongo, OutboxRelay relay) {
		this.mongo = mongo;
		this.relay = relay;
	}

	/**
	 * Runs a write that adds events to the outbox of one document, and has them published
	 * right after it.
	 * @param collection the document's collection
	 * @param id its {@code _id}
	 * @param write the single-document write
	 * @return what the write returned
	 */
	public <T> T write(String collection, Object id, Supplier<T> write) {
		pending(collection, id);
		T result = write.get();
		this.relay.publishSoon(collection, id);
		return result;
	}

	/**
	 * Looks through every outbox for events without their entry in the working set and
	 * publishes them. The relay does this the first time it runs on a database (for the
	 * documents stored before the working set existed); an operator may do it after
	 * restoring a backup. Reads every document once.
	 * @return how many documents had unpublished events
	 */
	public int recover() {
		return this.relay.recover();
	}

	/** Notes that a document may hold unpublished events. */
	void pending(String collection, Object id) {
		this.mongo.upsert(Query.query(Criteria.where("_id").is(OutboxRelay.key(collection, id))),
				new Update().inc("writes", 1)
					.setOnInsert("collection", collection)
					.setOnInsert("documentId", id)
					.setOnInsert("since", Instant.now()),
				PENDING_COLLECTION);
	}

	/**
	 * Whether a document about to be stored, or just stored, carries unpublished events.
	 */
	static boolean hasPending(Document document) {
		Object outbox = document.get("outbox");
		if (!(outbox instanceof List<?> events)) {
			return false;
		}
		for (Object event : events) {
			if (event instanceof Document entry && entry.get("publishedAt") == null
					&& entry.get("setAsideAt") == null) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Saves and inserts of a document with pending events note it before the write, and
	 * have its events published after it.
	 */
	static final class SaveCallbacks implements BeforeSaveCallback<Object>, AfterSaveCallback<Object> {

		private final ObjectProvider<Outbox> outbox;

		SaveCallbacks(ObjectProvider<Outbox> outbox) {
			this.outbox = outbox;
		}

		@Override
		public Object onBeforeSave(Object entity, Document document, String collection) {
			if (hasPending(document)) {
				this.outbox.getObject().pending(collection, document.get("_id"));
			}
			return entity;
		}

		@Override
		public Object onAfterSave(Object entity, Document document, String collection) {
			if (hasPending(document)) {
				this.outbox.getObject().relay.publishSoon(collection, document.get("_id"));
			}
			return entity;
		}

	}

}
