package org.dak.tracking.readmodel;

import org.dak.tracking.complaintcase.CaseFacts;
import org.dak.contracts.ItemStatus;
import org.dak.contracts.OfficeTime;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

import org.bson.Document;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * How many items are open (not disposed, rejected or closed), by department and day of
 * receipt, in one small document ({@value #COLLECTION}): what pendency, the
 * {@code dak_pending} gauge and the dashboards' ages are computed from, however many
 * items are stored. Each save of a case moves its count; at start-up the counts are taken
 * again from the stored cases.
 */
@Component
public class OpenItems extends CountingReadModel {

	static final String COLLECTION = "open_items";

	OpenItems(MongoTemplate mongo) {
		super(mongo, COLLECTION, "open");
	}

	/**
	 * The open items.
	 * @return by department ({@code UNMARKED} for none), the count received on each day
	 */
	public Map<String, Map<LocalDate, Long>> byDepartmentAndDay() {
		Map<String, Map<LocalDate, Long>> open = new TreeMap<>();
		counts().forEach((department, days) -> {
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
	protected void count(Map<String, Long> counts, CaseFacts facts, long sign) {
		if (!facts.counts() || !facts.status().isOpen()) {
			return;
		}
		String department = (facts.departmentCode() != null) ? facts.departmentCode() : "UNMARKED";
		counts.merge(department + ".d" + facts.receivedAt().atZone(OfficeTime.ZONE).toLocalDate(), sign, Long::sum);
	}

}
