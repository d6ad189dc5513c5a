package org.dak.intake.complaint;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.dak.support.mongo.Maintenance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Finds an earlier item that a new one may repeat: the same mobile or e-mail, a similar
 * subject (at least half of the words shared, in any script), within a window (30 days by
 * default). It only flags: the new item is received like any other.
 * <p>
 * It never searches the stored items: each sender (a mobile, an e-mail address) has one
 * small document of its recent subjects ({@value #COLLECTION}), read by its key and
 * extended when an item of theirs is stored. Entries older than the window are dropped as
 * the document is written; a sender has at most {@value #KEPT} of them. After an upgrade
 * from a version without it, it is filled once from the items of the window.
 */
@Component
class PossibleDuplicates {

	private static final Logger log = LoggerFactory.getLogger(PossibleDuplicates.class);

	static final String COLLECTION = "recent_senders";

	static final int KEPT = 50;

	private final MongoTemplate mongo;

	private final Duration window;

	private final MeterRegistry meters;

	PossibleDuplicates(MongoTemplate mongo, @Value("${dak.intake.duplicate-window:30d}") Duration window,
			MeterRegistry meters) {
		this.mongo = mongo;
		this.window = window;
		this.meters = meters;
	}

	Optional<String> earlierOf(ApplicantDetails applicant, String subject, Instant receivedAt) {
		Optional<String> earlier = earlier(applicant, subject, receivedAt).map(EarlierItem::receiptNumber);
		earlier.ifPresent((id) -> this.meters.counter("dak.intake.duplicates").increment());
		return earlier;
	}

	/** An earlier item of the same sender with a similar subject, newest first. */
	Optional<EarlierItem> earlier(ApplicantDetails applicant, String subject, Instant at) {
		List<String> senders = senders(applicant);
		if (senders.isEmpty()) {
			return Optional.empty();
		}
		Instant since = at.minus(this.window);
		return this.mongo.find(Query.query(Criteria.where("_id").in(senders)), Document.class, COLLECTION)
			.stream()
			.flatMap((sender) -> sender.getList("items", Document.class).stream())
			.filter((item) -> !item.getDate("receivedAt").toInstant().isBefore(since))
			.sorted(Comparator.comparing((Document item) -> item.getDate("receivedAt")).reversed())
			.filter((item) -> similar(item.getString("subject"), subject))
			.map((item) -> new EarlierItem(item.getString("id"), item.getString("subject"),
					item.getDate("receivedAt").toInstant()))
			.findFirst();
	}

	/**
	 * What the receipt desk is shown of an earlier item before it registers a new one.
	 */
	record EarlierItem(String receiptNumber, String subject, Instant receivedAt) {
	}

	/** Remembers a stored item under its sender's mobile and e-mail. */
	void stored(String id, ApplicantDetails applicant, String subject, Instant receivedAt) {
		Document item = new Document("id", id).append("subject", subject).append("receivedAt", receivedAt);
		try {
			for (String sender : senders(applicant)) {
				// the newest KEPT only; older than the window are passed over when read
				this.mongo.upsert(Query.query(Criteria.where("_id").is(sender)),
						new Update().push("items").slice(-KEPT).each(item), COLLECTION);
			}
		}
		catch (RuntimeException ex) {
			// the item is stored; a later repeat of it is merely not flagged
			log.warn("Sender of {} not remembered for the duplicate check: {}", id, ex.toString());
		}
	}

	private static List<String> senders(ApplicantDetails applicant) {
		List<String> senders = new ArrayList<>();
		if (applicant.mobile() != null) {
			senders.add("mobile:" + applicant.mobile());
		}
		if (applicant.email() != null) {
			senders.add("email:" + applicant.email());
		}
		return senders;
	}

	/**
	 * After an upgrade: fills the senders' documents from the items of the window, once,
	 * if there are none yet.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void fillAfterUpgrade() {
		if (this.mongo.getCollection(COLLECTION).estimatedDocumentCount() > 0) {
			return;
		}
		Instant since = Instant.now().minus(this.window);
		// items are stored in the order they come, so the newest of a sender are kept
		int[] filled = { 0 };
		new Maintenance(this.mongo).scan(this.mongo.getCollectionName(Complaint.class),
				new org.bson.Document("receivedAt", new org.bson.Document("$gte", java.util.Date.from(since))),
				new org.bson.Document("applicant", 1).append("subject", 1).append("receivedAt", 1), (document) -> {
					Complaint complaint = this.mongo.getConverter().read(Complaint.class, document);
					if (complaint.applicant() != null) {
						stored(complaint.id(), complaint.applicant(), complaint.subject(), complaint.receivedAt());
						filled[0]++;
					}
				});
		if (filled[0] > 0) {
			log.info("Recent senders filled from {} items of the last {}", filled[0], this.window);
		}
	}

	/** At least half of the words (of two or more letters) shared. */
	static boolean similar(String first, String second) {
		Set<String> a = words(first);
		Set<String> b = words(second);
		if (a.isEmpty() || b.isEmpty()) {
			return false;
		}
		Set<String> shared = new HashSet<>(a);
		shared.retainAll(b);
		Set<String> all = new HashSet<>(a);
		all.addAll(b);
		return shared.size() * 2 >= all.size();
	}

	private static Set<String> words(String text) {
		Set<String> words = new HashSet<>();
		for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{M}\\p{N}]+")) {
			if (word.codePointCount(0, word.length()) >= 2) {
				words.add(word);
			}
		}
		return words;
	}

}
