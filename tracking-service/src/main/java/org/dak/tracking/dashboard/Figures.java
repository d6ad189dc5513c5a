package org.dak.tracking.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.bson.Document;
import org.dak.tracking.deadline.DeadlinePolicy;
import org.dak.tracking.complaintcase.CaseFacts;
import org.dak.tracking.readmodel.CountingReadModel;
import org.dak.contracts.ItemStatus;
import org.dak.contracts.OfficeTime;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The dashboards' counters, in one small document: items by status and by channel, and
 * per department the items, their statuses and how many working days each disposal took.
 * Each save of a case moves its counts from what it was to what it is; at start-up they
 * are counted again from the stored cases.
 */
@Component
class Figures extends CountingReadModel {

	static final String COLLECTION = "dashboard_figures";

	private final DeadlinePolicy policy;

	Figures(MongoTemplate mongo, DeadlinePolicy policy) {
		super(mongo, COLLECTION, "figures");
		this.policy = policy;
	}

	/**
	 * What the counters say.
	 *
	 * @param byStatus items by status
	 * @param byChannel items by channel
	 * @param departments per department
	 * @param receivedByWeek items received, by ISO week ({@code 2026-W48}, office time)
	 * @param disposedByWeek items first disposed of, by ISO week
	 */
	record Counts(Map<String, Long> byStatus, Map<String, Long> byChannel, Map<String, Department> departments,
			Map<String, Long> receivedByWeek, Map<String, Long> disposedByWeek) {
	}

	/**
	 * One department's counts.
	 *
	 * @param total its items
	 * @param byStatus by status
	 * @param disposalDays how many disposals took how many working days
	 */
	record Department(long total, Map<String, Long> byStatus, Map<Integer, Long> disposalDays) {
	}

	Counts figures() {
		Document figures = counts();
		Map<String, Department> departments = new TreeMap<>();
		Document byDepartment = figures.get("departments", new Document());
		byDepartment.forEach((code, value) -> {
			Document department = (Document) value;
			Map<Integer, Long> days = new TreeMap<>();
			positive(department.get("disposalDays", new Document()))
				.forEach((key, count) -> days.put(Integer.valueOf(key.substring(1)), count));
			long total = number(department.get("total"));
			if (total > 0) {
				departments.put(code, new Department(total, positive(department.get("status", new Document())), days));
			}
		});
		return new Counts(positive(figures.get("status", new Document())),
				positive(figures.get("channel", new Document())), departments,
				positive(figures.get("receivedWeek", new Document())),
				positive(figures.get("disposedWeek", new Document())));
	}

	@Override
	protected void count(Map<String, Long> counts, CaseFacts facts, long sign) {
		if (!facts.counts()) {
			return;
		}
		String department = "departments." + ((facts.departmentCode() != null) ? facts.departmentCode() : "UNMARKED");
		counts.merge("status." + facts.status().name(), sign, Long::sum);
		counts.merge("channel." + facts.channel(), sign, Long::sum);
		counts.merge(department + ".total", sign, Long::sum);
		counts.merge(department + ".status." + facts.status().name(), sign, Long::sum);
		counts.merge("receivedWeek." + week(facts.receivedAt()), sign, Long::sum);
		if (facts.firstDisposedAt() != null) {
			counts.merge("disposedWeek." + week(facts.firstDisposedAt()), sign, Long::sum);
			LocalDate received = facts.receivedAt().atZone(OfficeTime.ZONE).toLocalDate();
			int days = this.policy.age(received, facts.firstDisposedAt().atZone(OfficeTime.ZONE).toLocalDate());
			counts.merge(department + ".disposalDays.d" + days, sign, Long::sum);
		}
	}

	/** The ISO week of a moment in office time, e.g. {@code 2026-W48}. */
	static String week(Instant at) {
		return week(at.atZone(OfficeTime.ZONE).toLocalDate());
	}

	/** The ISO week of a day, e.g. {@code 2026-W48}. */
	static String week(LocalDate day) {
		return String.format(Locale.ROOT, "%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR),
				day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
	}

	private static Map<String, Long> positive(Document counts) {
		Map<String, Long> positive = new TreeMap<>();
		counts.forEach((key, value) -> {
			long count = number(value);
			if (count > 0) {
				positive.put(key, count);
			}
		});
		return positive;
	}

	private static long number(Object value) {
		return (value instanceof Number number) ? number.longValue() : 0;
	}

}
