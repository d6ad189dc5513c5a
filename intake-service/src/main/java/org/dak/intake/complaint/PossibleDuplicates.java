package org.dak.intake.complaint;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Finds an earlier item that a new one may repeat: the same mobile or e-mail, a similar
 * subject (at least half of the words shared, in any script), within a window (30 days by
 * default). It only flags: the new item is received like any other.
 */
@Component
class PossibleDuplicates {

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
		List<Criteria> sameSender = new ArrayList<>();
		if (applicant.mobile() != null) {
			sameSender.add(Criteria.where("applicant.mobile").is(applicant.mobile()));
		}
		if (applicant.email() != null) {
			sameSender.add(Criteria.where("applicant.email").is(applicant.email()));
		}
		if (sameSender.isEmpty()) {
			return Optional.empty();
		}
		Query recent = Query
			.query(new Criteria().orOperator(sameSender).and("receivedAt").gte(receivedAt.minus(this.window)))
			.with(Sort.by(Sort.Direction.DESC, "receivedAt"))
			.limit(50);
		recent.fields().include("_id", "subject");
		Optional<String> earlier = this.mongo.find(recent, Complaint.class)
			.stream()
			.filter((complaint) -> similar(complaint.subject(), subject))
			.map(Complaint::id)
			.findFirst();
		earlier.ifPresent((id) -> this.meters.counter("dak.intake.duplicates").increment());
		return earlier;
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
