package org.dak.support.mongo;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCursor;
import org.bson.Document;
import org.bson.conversions.Bson;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Work that reads a whole collection: filling a new working set from what was stored
 * before it existed, or rebuilding a read model after a crash. Such work runs once, not
 * at every start, so that a restart costs the same with a hundred items stored as with a
 * million; a mark in {@value #COLLECTION} records that it is done.
 * <p>
 * {@link #scan} reads in batches with a timeout of its own: the service's usual timeouts
 * are seconds (a frozen database must not hang a caller), while one pass over a large
 * archive on the embedded server takes longer than that.
 */
public final class Maintenance {

	/** The marks of work done, one small document per job. */
	public static final String COLLECTION = "maintenance";

	private static final long SCAN_TIMEOUT_MINUTES = 60;

	private static final int BATCH = 500;

	private final MongoTemplate mongo;

	/**
	 * @param mongo the service's database
	 */
	public Maintenance(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** Whether the job is marked done. */
	public boolean isDone(String job) {
		return this.mongo.findById(job, Document.class, COLLECTION) != null;
	}

	/** Marks the job done. */
	public void done(String job) {
		this.mongo.upsert(Query.query(Criteria.where("_id").is(job)), new Update().set("at", Instant.now()),
				COLLECTION);
	}

	/**
	 * Claims a job that must run once among all the instances of a service (one day's
	 * digest, say): the mark is written only if it is not there yet, in one atomic
	 * insert.
	 * @return whether this caller claimed it (false: another instance did, or it is done)
	 */
	public boolean claim(String job) {
		try {
			this.mongo.insert(new Document("_id", job).append("at", Instant.now()), COLLECTION);
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	/** Takes the mark away: the job has to be done again. */
	public void undo(String job) {
		this.mongo.remove(Query.query(Criteria.where("_id").is(job)), COLLECTION);
	}

	/**
	 * Reads every document of a collection that matches, a batch at a time.
	 * @param collection the collection
	 * @param filter which documents ({@code new Document()} for all)
	 * @param projection the fields to read ({@code null} for all)
	 * @param each what to do with each document
	 * @return how many documents were read
	 */
	public int scan(String collection, Bson filter, Bson projection, Consumer<Document> each) {
		FindIterable<Document> documents = this.mongo.getCollection(collection)
			.withTimeout(SCAN_TIMEOUT_MINUTES, TimeUnit.MINUTES)
			.find(filter)
			.batchSize(BATCH);
		if (projection != null) {
			documents = documents.projection(projection);
		}
		int count = 0;
		try (MongoCursor<Document> cursor = documents.iterator()) {
			while (cursor.hasNext()) {
				each.accept(cursor.next());
				count++;
			}
		}
		return count;
	}

}
