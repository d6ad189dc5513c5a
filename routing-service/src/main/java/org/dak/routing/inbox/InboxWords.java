package org.dak.routing.inbox;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.bson.Document;
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

	private static final String FIRST_MONTH = "#first-month";

	private static final int LONGEST = 20;

	private static final ZoneId OFFICE_TIME = ZoneId.of("Asia/Kolkata");

	private final MongoTemplate mongo;

	InboxWords(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** Indexes one item's subject; indexing it again changes nothing. */
	void index(String id, String subject, Instant receivedAt) {
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
		String month = month(receivedAt);
		BulkOperations bulk = this.mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
		for (String prefix : prefixes) {
			bulk.upsert(Query.query(Criteria.where("_id").is(prefix + "|" + month)), new Update().addToSet("ids", id));
		}
		bulk.upsert(Query.query(Criteria.where("_id").is(FIRST_MONTH)), new Update().min("month", month));
		bulk.execute();
	}

	/**
	 * The items received in the period whose subject has every word of the keyword at the
	 * beginning of one of its words.
	 */
	Set<String> matching(String keyword, Instant from, Instant to) {
		List<String> words = words(keyword).stream()
			.map((word) -> word.codePoints()
				.limit(LONGEST)
				.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append))
			.map(StringBuilder::toString)
			.toList();
		if (words.isEmpty()) {
			return Set.of();
		}
		List<String> months = months(from, to);
		Set<String> found = null;
		for (String word : words) {
			List<String> keys = months.stream().map((month) -> word + "|" + month).toList();
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

	/** The months from the first indexed (or {@code from}) to {@code to} (or now). */
	private List<String> months(Instant from, Instant to) {
		Document first = this.mongo.findById(FIRST_MONTH, Document.class, COLLECTION);
		if (first == null) {
			return List.of();
		}
		YearMonth start = YearMonth.parse(first.getString("month"));
		if (from != null && YearMonth.from(from.atZone(OFFICE_TIME)).isAfter(start)) {
			start = YearMonth.from(from.atZone(OFFICE_TIME));
		}
		YearMonth end = YearMonth.from(((to != null) ? to : Instant.now()).atZone(OFFICE_TIME));
		List<String> months = new ArrayList<>();
		for (YearMonth month = start; !month.isAfter(end); month = month.plusMonths(1)) {
			months.add(month.toString());
		}
		return months;
	}

	private static String month(Instant at) {
		return YearMonth.from(at.atZone(OFFICE_TIME)).toString();
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
		if (this.mongo.exists(Query.query(Criteria.where("_id").is(FIRST_MONTH)), COLLECTION)) {
			return;
		}
		Query all = new Query();
		all.fields().include("_id", "subject", "receivedAt");
		int indexed = 0;
		for (Document item : this.mongo.find(all, Document.class, "inbox")) {
			if (item.getString("subject") != null && item.getDate("receivedAt") != null) {
				index(item.getString("_id"), item.getString("subject"), item.getDate("receivedAt").toInstant());
				indexed++;
			}
		}
		if (indexed > 0) {
			log.info("Keyword index built for {} items", indexed);
		}
	}

}
