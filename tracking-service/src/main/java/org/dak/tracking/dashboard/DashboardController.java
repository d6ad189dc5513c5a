package org.dak.tracking.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.dak.tracking.deadline.DeadlinePolicy;
import org.dak.tracking.timeline.CaseStatus;
import org.dak.tracking.timeline.Cases;
import org.dak.tracking.timeline.ComplaintCase;
import org.dak.tracking.timeline.TimelineEntry;

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

	private static final ZoneId OFFICE_TIME = ZoneId.of("Asia/Kolkata");

	private static final List<int[]> AGE_BUCKETS = List.of(new int[] { 0, 15 }, new int[] { 16, 30 },
			new int[] { 31, 45 }, new int[] { 46, 60 }, new int[] { 61, Integer.MAX_VALUE });

	private final Cases cases;

	private final DeadlinePolicy policy;

	private final Clock clock;

	DashboardController(Cases cases, DeadlinePolicy policy, Clock clock) {
		this.cases = cases;
		this.policy = policy;
		this.clock = clock;
	}

	/** One department's figures. */
	record DepartmentFigures(String departmentCode, int total, int open, int disposed, int overdue,
			Double averageDisposalDays, Integer p90DisposalDays) {
	}

	/** The summary. */
	record Summary(LocalDate asOf, Map<String, Integer> byStatus, Map<String, Integer> byChannel,
			Map<String, Integer> openByAge, List<DepartmentFigures> departments) {
	}

	/** An item past its deadline. */
	record Overdue(String complaintId, String departmentCode, String status, LocalDate dueDate, int workingDaysOver) {
	}

	@GetMapping("/api/v1/dashboard/summary")
	Summary summary() {
		LocalDate today = today();
		Map<String, Integer> byStatus = new TreeMap<>();
		Map<String, Integer> byChannel = new TreeMap<>();
		Map<String, Integer> openByAge = new java.util.LinkedHashMap<>();
		AGE_BUCKETS.forEach((bucket) -> openByAge.put(label(bucket), 0));
		Map<String, List<ComplaintCase>> byDepartment = new TreeMap<>();
		for (ComplaintCase c : received()) {
			byStatus.merge(c.status().name(), 1, Integer::sum);
			byChannel.merge(String.valueOf(c.channel()), 1, Integer::sum);
			byDepartment
				.computeIfAbsent((c.departmentCode() != null) ? c.departmentCode() : "UNMARKED",
						(key) -> new ArrayList<>())
				.add(c);
			if (isOpen(c)) {
				int age = this.policy.age(receivedOn(c), today);
				AGE_BUCKETS.stream()
					.filter((bucket) -> age >= bucket[0] && age <= bucket[1])
					.findFirst()
					.ifPresent((bucket) -> openByAge.merge(label(bucket), 1, Integer::sum));
			}
		}
		List<DepartmentFigures> departments = byDepartment.entrySet()
			.stream()
			.map((entry) -> figures(entry.getKey(), entry.getValue(), today))
			.toList();
		return new Summary(today, byStatus, byChannel, openByAge, departments);
	}

	@GetMapping("/api/v1/dashboard/overdue")
	List<Overdue> overdue() {
		LocalDate today = today();
		return received().stream()
			.filter((c) -> isOpen(c) && c.dueDate() != null && this.policy.isOverdue(c.dueDate(), today))
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

	private DepartmentFigures figures(String department, List<ComplaintCase> items, LocalDate today) {
		List<Integer> disposalDays = new ArrayList<>();
		int open = 0;
		int overdue = 0;
		for (ComplaintCase c : items) {
			if (isOpen(c)) {
				open++;
				if (c.dueDate() != null && this.policy.isOverdue(c.dueDate(), today)) {
					overdue++;
				}
			}
			c.timeline()
				.stream()
				.filter((entry) -> entry.status() == CaseStatus.DISPOSED)
				.map(TimelineEntry::at)
				.findFirst()
				.ifPresent(
						(at) -> disposalDays.add(this.policy.age(receivedOn(c), at.atZone(OFFICE_TIME).toLocalDate())));
		}
		disposalDays.sort(Integer::compare);
		Double average = disposalDays.isEmpty() ? null
				: disposalDays.stream().mapToInt(Integer::intValue).average().orElse(0);
		Integer p90 = disposalDays.isEmpty() ? null : disposalDays.get((int) Math.ceil(0.9 * disposalDays.size()) - 1);
		return new DepartmentFigures(department, items.size(), open, disposalDays.size(), overdue, average, p90);
	}

	private List<ComplaintCase> received() {
		return this.cases.all().stream().filter((c) -> c.receivedAt() != null && c.status() != null).toList();
	}

	private static boolean isOpen(ComplaintCase c) {
		return c.status() != CaseStatus.DISPOSED && c.status() != CaseStatus.REJECTED
				&& c.status() != CaseStatus.CLOSED;
	}

	private static LocalDate receivedOn(ComplaintCase c) {
		return c.receivedAt().atZone(OFFICE_TIME).toLocalDate();
	}

	private LocalDate today() {
		return this.clock.instant().atZone(OFFICE_TIME).toLocalDate();
	}

	private static String label(int[] bucket) {
		return (bucket[1] == Integer.MAX_VALUE) ? "over " + (bucket[0] - 1) : bucket[0] + "-" + bucket[1];
	}

}
