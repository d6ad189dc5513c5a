package org.dak.notification.dispatch;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.dak.contracts.OfficeTime;
import org.dak.notification.NotificationProperties;
import org.dak.notification.template.Template;
import org.dak.support.mongo.Maintenance;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * With {@code dak.notification.officer-digest.enabled}, officers get one mail a day
 * listing what was marked to them, what is due soon and what is overdue, instead of a
 * mail per item. Lines wait in {@code digest_lines} until the day's digest takes them.
 * With several instances of the service, the one that claims the day sends it.
 */
@Component
class OfficerDigest {

	private final MongoTemplate mongo;

	private final NotificationQueue queue;

	private final NotificationProperties properties;

	private final Maintenance jobs;

	OfficerDigest(MongoTemplate mongo, NotificationQueue queue, NotificationProperties properties) {
		this.mongo = mongo;
		this.jobs = new Maintenance(mongo);
		this.queue = queue;
		this.properties = properties;
	}

	/**
	 * One line of a digest.
	 *
	 * @param id the event and line (a redelivered event adds nothing)
	 * @param email the officer
	 * @param department the department's name
	 * @param line what to say
	 * @param at when
	 * @param digestId the digest that took it, or {@code null}
	 */
	@Document("digest_lines")
	record Line(@Id String id, String email, String department, String line, Instant at, String digestId) {
	}

	boolean enabled() {
		return this.properties.officerDigest().enabled();
	}

	void add(String id, String email, String department, String line) {
		try {
			this.mongo.insert(new Line(id, email, department, line, Instant.now(), null));
		}
		catch (DuplicateKeyException ex) {
			// the event came again
		}
	}

	@Scheduled(cron = "${dak.notification.officer-digest.cron:0 0 9 * * MON-SAT}", zone = OfficeTime.ZONE_ID)
	void daily() {
		if (enabled()) {
			sendOnce(LocalDate.now(OfficeTime.ZONE));
		}
	}

	/**
	 * The day's digests, from the instance that claims the day first; the others send
	 * nothing (a line that arrives after it is in the next day's).
	 * @return whether this instance sent them
	 */
	boolean sendOnce(LocalDate date) {
		if (!this.jobs.claim("officer digest of " + date)) {
			return false;
		}
		send(date);
		return true;
	}

	/**
	 * Queues one digest per officer with the lines waiting.
	 * @return how many digests
	 */
	int send(LocalDate date) {
		List<Line> waiting = this.mongo.find(Query.query(Criteria.where("digestId").is(null)).with(Sort.by("at")),
				Line.class);
		Map<String, List<Line>> byOfficer = waiting.stream()
			.collect(Collectors.groupingBy(Line::email, LinkedHashMap::new, Collectors.toList()));
		for (Map.Entry<String, List<Line>> officer : byOfficer.entrySet()) {
			String digestId = "digest:" + officer.getKey() + ":" + date;
			String items = officer.getValue()
				.stream()
				.map((line) -> "• " + line.line())
				.collect(Collectors.joining("\n"));
			Map<String, String> values = Map.of("department", officer.getValue().get(0).department(), "date",
					date.toString(), "items", items, "office", this.properties.officeName());
			this.queue.add(digestId, null, Message.email(Template.OFFICER_DIGEST, "hi", officer.getKey(), values),
					null);
			this.mongo.updateMulti(
					Query.query(Criteria.where("_id").in(officer.getValue().stream().map(Line::id).toList())),
					new Update().set("digestId", digestId), Line.class);
		}
		return byOfficer.size();
	}

}
