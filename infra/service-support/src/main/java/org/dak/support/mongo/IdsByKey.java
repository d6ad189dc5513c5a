package org.dak.support.mongo;

import java.util.List;

import org.bson.Document;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * A list of document IDs under a key, one small document per key: e.g. the messages of
 * one item. Looking up "every document of this item" then reads one document by its key
 * and the documents by their IDs, never the whole collection: the embedded MongoDB server
 * answers only the {@code _id} and unique indexes.
 */
public final class IdsByKey {

	private final MongoTemplate mongo;

	private final String collection;

	/**
	 * @param mongo the service's database
	 * @param collection where the lists are kept
	 */
	public IdsByKey(MongoTemplate mongo, String collection) {
		this.mongo = mongo;
		this.collection = collection;
	}

	/** Adds an ID under a key; adding it again changes nothing. */
	public void add(String key, Object id) {
		this.mongo.upsert(Query.query(Criteria.where("_id").is(key)), new Update().addToSet("ids", id),
				this.collection);
	}

	/** The IDs under a key, in the order they were added. */
	public List<Object> of(String key) {
		Document list = this.mongo.findById(key, Document.class, this.collection);
		return (list != null) ? list.getList("ids", Object.class) : List.of();
	}

	/**
	 * Whether no list was written yet (e.g. right after an upgrade that brought them).
	 */
	public boolean isEmpty() {
		return this.mongo.getCollection(this.collection).estimatedDocumentCount() == 0;
	}

}
