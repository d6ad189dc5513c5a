package org.dak.routing.inbox;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bson.Document;
import org.dak.support.mongo.Maintenance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The inbox's keyword index: for every beginning of every word of a subject (two letters
 * or more, or a word of one letter or digit as a whole; Devanagari and Latin alike,
 * lower-cased), the items whose subject has it, in one document per beginning and month
 * of receipt ({@value #COLLECTION}). A keyword search reads those documents by their
 * keys, never the items; a search for several words finds the items that have them all.
 * Items stored before the index existed are indexed once at start-up.
 */
@Component
class InboxWords {

	private static final Logger log = LoggerFactory.getLogger(InboxWords.class);

	static final String COLLECTION = "inbox_words";

	private static final String BUCKETS = "#buckets";

	static final int BUCKET = 256;

	private static final Pattern RECEIPT = Pattern.compile("[A-Z]{3}-(\\d{4})-(\\d{6,9})-[0-9A-Z]");

	private static final int LONGEST = 20;

	private final MongoTemplate mongo;

	InboxWords(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** Indexes one item's subject; indexing it again changes nothing. */
	void index(String id, String subject) {
		Set<String> prefixes = new LinkedHashSet<>();
		for (String word : words(subject)) {
			int[] letters = word.codePoints().toArray();
			if (letters.length == 1) {
				// a word of one letter or digit ("4"), as a whole
				prefixes.add(word);
			}
			for (int length = 2; length <= Math.min(letters.length, LONGEST); length++) {
				prefixes.add(new String(letters, 0, length));
			}
		}
		if (prefixes.isEmpty()) {
			return;
		}
		Matcher receipt = RECEIPT.matcher(id);
		String bucket = receipt.matches() ? receipt.group(1) + "-" + (Long.parseLong(receipt.group(2)) / BUCKET)
				: "other";
		BulkOperations bulk = this.mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
		for (String prefix : prefixes) {
			bulk.upsert(Query.query(Criteria.where("_id").is(prefix + "|" + bucket)), new Update().addToSet("ids", id));
		}
		if (receipt.matches()) {
			bulk.upsert(Query.query(Criteria.where("_id").is(BUCKETS)),
					new Update().max("years." + receipt.group(1), Long.parseLong(receipt.group(2)) / BUCKET));
		}
		bulk.execute();
	}

	/**
	 * The items whose subject has every word of the keyword at the beginning of one of
	 * its words.
	 */
	Set<String> matching(String keyword) {
		List<String> words = words(keyword).stream()
			.map((word) -> word.codePoints()
				.limit(LONGEST)
				.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append))
			.map(StringBuilder::toString)
			.toList();
		if (words.isEmpty()) {
			return Set.of();
		}
		List<String> buckets = buckets();
		Set<String> found = null;
		for (String word : words) {
			List<String> keys = buckets.stream().map((bucket) -> word + "|" + bucket).toList();
			Set<String> ids = new HashSet<>();
			for (Document bucket : this.mongo.find(Query.query(Criteria.where("_id").in(keys)), Document.class,
					COLLECTION)) {
				ids.addAll(bucket.getList("ids", String.class));
			}
			if (found == null) {
				found = ids;
			}
			else {
				found.retainAll(ids);
			}
		}
		return found;
	}

	/** Every bucket written so far. */
	private List<String> buckets() {
		List<String> buckets = new ArrayList<>();
		buckets.add("other");
		Document written = this.mongo.findById(BUCKETS, Document.class, COLLECTION);
		if (written != null) {
			written.get("years", new Document()).forEach((year, last) -> {
				for (long bucket = 0; bucket <= ((Number) last).longValue(); bucket++) {
					buckets.add(year + "-" + bucket);
				}
			});
		}
		return buckets;
	}

	/** The words of a text: letters, their marks and digits, lower-cased. */
	static List<String> words(String text) {
		List<String> words = new ArrayList<>();
		if (text == null) {
			return words;
		}
		for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{M}\\p{N}]+")) {
			if (!word.isEmpty()) {
				words.add(word);
			}
		}
		return words;
	}

	/** Indexes the items stored before the index existed, once. */
	@EventListener(ApplicationReadyEvent.class)
	void indexAfterUpgrade() {
		if (this.mongo.getCollection(COLLECTION).estimatedDocumentCount() > 0) {
			return;
		}
		int indexed = new Maintenance(this.mongo).scan("inbox", new Document("subject", new Document("$ne", null)),
				new Document("subject", 1), (item) -> index(item.getString("_id"), item.getString("subject")));
		if (indexed > 0) {
			log.info("Keyword index built for {} items", indexed);
		}
	}

}
