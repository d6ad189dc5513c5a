package org.dak.tracking.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.dak.tracking.deadline.AgeBucket;
import org.dak.tracking.deadline.DeadlinePolicy;
import org.dak.contracts.ItemStatus;
import org.dak.contracts.OfficeTime;
import org.dak.tracking.timeline.Cases;
import org.dak.tracking.readmodel.LiveCases;
import org.dak.tracking.readmodel.OpenItems;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dashboards: counts by status, department, channel and age; disposal time per
 * department (average and 90th percentile, in working days); overdue items; and a CSV of
 * the department figures for the review meeting's papers.
 */
@RestController
class DashboardController {

	private final Cases cases;

	private final DeadlinePolicy policy;

	private final Clock clock;

	private final Figures figures;

	private final OpenItems openItems;

	DashboardController(Cases cases, DeadlinePolicy policy, Clock clock, Figures figures, OpenItems openItems) {
		this.cases = cases;
		this.figures = figures;
		this.openItems = openItems;
		this.policy = policy;
		this.clock = clock;
	}

	/** One department's figures. */
	record DepartmentFigures(String departmentCode, int total, int open, int disposed, int overdue,
			Double averageDisposalDays, Integer p90DisposalDays) {
	}

	/** The summary. */
	record Summary(LocalDate asOf, Map<String, Integer> byStatus, Map<String, Integer> byChannel,
			Map<String, Integer> openByAge, List<DepartmentFigures> departments, List<Week> byWeek) {
	}

	/** One ISO week (office time): items received, and items first disposed of. */
	record Week(String week, int received, int disposed) {
	}

	/** An item past its deadline. */
	record Overdue(String complaintId, String departmentCode, String status, LocalDate dueDate, int workingDaysOver) {
	}

	private static final int WEEKS_SHOWN = 12;

	@GetMapping("/api/v1/dashboard/summary")
	Summary summary() {
		LocalDate today = today();
		Figures.Counts counts = this.figures.figures();
		Map<String, Integer> openByAge = new java.util.LinkedHashMap<>();
		for (AgeBucket bucket : AgeBucket.values()) {
			openByAge.put(bucket.label(), 0);
		}
		this.openItems.byDepartmentAndDay()
			.values()
			.forEach((days) -> days.forEach((received, count) -> openByAge
				.merge(AgeBucket.of(this.policy.age(received, today)).label(), count.intValue(), Integer::sum)));
		Map<String, Integer> overdueByDepartment = new TreeMap<>();
		for (LiveCases.LiveCase c : open()) {
			if (c.dueDate() != null && this.policy.isOverdue(c.dueDate(), today)) {
				overdueByDepartment.merge(department(c.departmentCode()), 1, Integer::sum);
			}
		}
		List<DepartmentFigures> departments = counts.departments()
			.entrySet()
			.stream()
			.map((entry) -> figures(entry.getKey(), entry.getValue(),
					overdueByDepartment.getOrDefault(entry.getKey(), 0)))
			.toList();
		return new Summary(today, ints(counts.byStatus()), ints(counts.byChannel()), openByAge, departments,
				weeks(counts, today));
	}

	/**
	 * The last twelve weeks, this one included, oldest first; a quiet week shows zeros.
	 */
	private static List<Week> weeks(Figures.Counts counts, LocalDate today) {
		List<Week> weeks = new java.util.ArrayList<>();
		for (int back = WEEKS_SHOWN - 1; back >= 0; back--) {
			String week = Figures.week(today.minusWeeks(back));
			weeks.add(new Week(week, counts.receivedByWeek().getOrDefault(week, 0L).intValue(),
					counts.disposedByWeek().getOrDefault(week, 0L).intValue()));
		}
		return weeks;
	}

	@GetMapping("/api/v1/dashboard/overdue")
	List<Overdue> overdue() {
		LocalDate today = today();
		return open().stream()
			.filter((c) -> c.dueDate() != null && this.policy.isOverdue(c.dueDate(), today))
			.map((c) -> new Overdue(c.id(), c.departmentCode(), c.status().name(), c.dueDate(),
					this.policy.age(c.dueDate(), today)))
			.sorted(Comparator.comparingInt(Overdue::workingDaysOver).reversed())
			.toList();
	}

	@GetMapping(path = "/api/v1/dashboard/summary.csv", produces = "text/csv")
	ResponseEntity<String> csv() {
		StringBuilder csv = new StringBuilder(
				"department,total,open,disposed,overdue,average_disposal_working_days,p90_disposal_working_days\n");
		for (DepartmentFigures row : summary().departments()) {
			csv.append(row.departmentCode())
				.append(',')
				.append(row.total())
				.append(',')
				.append(row.open())
				.append(',')
				.append(row.disposed())
				.append(',')
				.append(row.overdue())
				.append(',')
				.append((row.averageDisposalDays() != null) ? String.format("%.1f", row.averageDisposalDays()) : "")
				.append(',')
				.append((row.p90DisposalDays() != null) ? row.p90DisposalDays() : "")
				.append('\n');
		}
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
			.header("Content-Disposition", "attachment; filename=\"dak-dashboard-" + today() + ".csv\"")
			.body(csv.toString());
	}

	private static DepartmentFigures figures(String department, Figures.Department counts, int overdue) {
		long open = counts.byStatus()
			.entrySet()
			.stream()
			.filter((entry) -> ItemStatus.valueOf(entry.getKey()).isOpen())
			.mapToLong(Map.Entry::getValue)
			.sum();
		long disposed = counts.disposalDays().values().stream().mapToLong(Long::longValue).sum();
		Double average = null;
		Integer p90 = null;
		if (disposed > 0) {
			long sum = 0;
			for (Map.Entry<Integer, Long> days : counts.disposalDays().entrySet()) {
				sum += days.getKey() * days.getValue();
			}
			average = (double) sum / disposed;
			// the value at the 90th percentile's rank, as in a sorted list of all of them
			long rank = (long) Math.ceil(0.9 * disposed);
			long seen = 0;
			for (Map.Entry<Integer, Long> days : counts.disposalDays().entrySet()) {
				seen += days.getValue();
				if (seen >= rank) {
					p90 = days.getKey();
					break;
				}
			}
		}
		return new DepartmentFigures(department, (int) counts.total(), (int) open, (int) disposed, overdue, average,
				p90);
	}

	/** The open items (not disposed, rejected or closed), from the working set. */
	private List<LiveCases.LiveCase> open() {
		return this.cases.open().stream().filter((c) -> c.receivedAt() != null && c.status() != null).toList();
	}

	private static String department(String code) {
		return (code != null) ? code : "UNMARKED";
	}

	private static Map<String, Integer> ints(Map<String, Long> counts) {
		Map<String, Integer> ints = new TreeMap<>();
		counts.forEach((key, count) -> ints.put(key, count.intValue()));
		return ints;
	}

	private LocalDate today() {
		return this.clock.instant().atZone(OfficeTime.ZONE).toLocalDate();
	}

}
