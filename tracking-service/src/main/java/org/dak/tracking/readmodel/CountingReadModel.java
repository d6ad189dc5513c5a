package org.dak.tracking.readmodel;

import org.dak.tracking.complaintcase.ComplaintCase;
import org.dak.tracking.complaintcase.CaseFacts;
import java.util.HashMap;
import java.util.Map;

import org.bson.Document;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * A read model that is one small document of counts: each save of a case takes away what
 * was counted for it before and adds what it is now (one {@code $inc}); the rebuild
 * counts every stored case and writes the document whole.
 */
public abstract class CountingReadModel implements CaseReadModel {

	private final MongoTemplate mongo;

	private final String collection;

	private final String id;

	private final Map<String, Long> rebuilt = new HashMap<>();

	protected CountingReadModel(MongoTemplate mongo, String collection, String id) {
		this.mongo = mongo;
		this.collection = collection;
		this.id = id;
	}

	/**
	 * Adds one case's counts (or, with {@code sign} -1, takes them away).
	 * @param counts the counts by dotted path, e.g. {@code status.MARKED}
	 * @param facts the case
	 * @param sign 1 or -1
	 */
	protected abstract void count(Map<String, Long> counts, CaseFacts facts, long sign);

	/** The document of counts, or an empty one. */
	protected Document counts() {
		Document counts = this.mongo.findById(this.id, Document.class, this.collection);
		return (counts != null) ? counts : new Document();
	}

	@Override
	public void rebuildStarts() {
		this.rebuilt.clear();
	}

	@Override
	public void rebuild(ComplaintCase complaintCase) {
		count(this.rebuilt, complaintCase.facts(), 1);
	}

	@Override
	public void rebuildEnds() {
		Document counts = new Document("_id", this.id);
		this.rebuilt.forEach((path, count) -> {
			Document at = counts;
			String[] parts = path.split("\\.");
			for (int i = 0; i < parts.length - 1; i++) {
				at = (Document) at.computeIfAbsent(parts[i], (key) -> new Document());
			}
			at.put(parts[parts.length - 1], count);
		});
		this.mongo.save(counts, this.collection);
		this.rebuilt.clear();
	}

	@Override
	public void saved(ComplaintCase complaintCase, CaseFacts before) {
		Map<String, Long> change = new HashMap<>();
		if (before != null) {
			count(change, before, -1);
		}
		count(change, complaintCase.facts(), 1);
		change.values().removeIf((count) -> count == 0);
		if (!change.isEmpty()) {
			Update update = new Update();
			change.forEach(update::inc);
			this.mongo.upsert(Query.query(Criteria.where("_id").is(this.id)), update, this.collection);
		}
	}

}
