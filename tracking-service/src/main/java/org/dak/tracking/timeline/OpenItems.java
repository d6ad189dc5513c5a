package org.dak.tracking.timeline;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import org.bson.Document;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * How many items are open (not disposed, rejected or closed), by department and day of
 * receipt, in one small document ({@value #COLLECTION}): what pendency, the
 * {@code dak_pending} gauge and the dashboards' ages are computed from, however many
 * items are stored. Each save of a case moves its count; at start-up the counts are taken
 * again from the stored cases.
 */
@Component
public class OpenItems implements CaseReadModel {

	static final String COLLECTION = "open_items";

	private static final String ID = "open";

	private static final ZoneId OFFICE_TIME = ZoneId.of("Asia/Kolkata");

	private final MongoTemplate mongo;

	private final Map<String, Long> rebuilt = new HashMap<>();

	OpenItems(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * The open items.
	 * @return by department ({@code UNMARKED} for none), the count received on each day
	 */
	public Map<String, Map<LocalDate, Long>> byDepartmentAndDay() {
		Map<String, Map<LocalDate, Long>> open = new TreeMap<>();
		Document counts = this.mongo.findById(ID, Document.class, COLLECTION);
		if (counts == null) {
			return open;
		}
		counts.forEach((department, days) -> {
			if (days instanceof Document byDay) {
				byDay.forEach((day, count) -> {
					long n = (count instanceof Number number) ? number.longValue() : 0;
					if (n > 0) {
						open.computeIfAbsent(department, (key) -> new TreeMap<>())
							.put(LocalDate.parse(day.substring(1)), n);
					}
				});
			}
		});
		return open;
	}

	@Override
	public void rebuildStarts() {
		this.rebuilt.clear();
	}

	@Override
	public void rebuild(ComplaintCase complaintCase) {
		add(this.rebuilt, complaintCase.facts(), 1);
	}

	@Override
	public void rebuildEnds() {
		Document counts = new Document("_id", ID);
		this.rebuilt.forEach((path, count) -> {
			String[] parts = path.split("\\.");
			((Document) counts.computeIfAbsent(parts[0], (key) -> new Document())).put(parts[1], count);
		});
		this.mongo.save(counts, COLLECTION);
		this.rebuilt.clear();
	}

	@Override
	public void saved(ComplaintCase complaintCase, CaseFacts before) {
		Map<String, Long> change = new HashMap<>();
		if (before != null) {
			add(change, before, -1);
		}
		add(change, complaintCase.facts(), 1);
		change.values().removeIf((count) -> count == 0);
		if (!change.isEmpty()) {
			Update update = new Update();
			change.forEach(update::inc);
			this.mongo.upsert(Query.query(Criteria.where("_id").is(ID)), update, COLLECTION);
		}
	}

	private static void add(Map<String, Long> counts, CaseFacts facts, long sign) {
		if (!facts.counts() || !isOpen(facts.status())) {
			return;
		}
		String department = (facts.departmentCode() != null) ? facts.departmentCode() : "UNMARKED";
		counts.merge(department + ".d" + facts.receivedAt().atZone(OFFICE_TIME).toLocalDate(), sign, Long::sum);
	}

	/** Open: not disposed, rejected or closed. */
	public static boolean isOpen(CaseStatus status) {
		return status != CaseStatus.DISPOSED && status != CaseStatus.REJECTED && status != CaseStatus.CLOSED;
	}

}
