package org.dak.tracking.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.dak.contracts.OfficeTime;
import org.dak.tracking.deadline.AgeBucket;
import org.dak.tracking.deadline.DeadlinePolicy;
import org.dak.tracking.timeline.Cases;
import org.dak.tracking.readmodel.LiveCases;
import org.dak.tracking.readmodel.OpenItems;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Pendency for review meetings: open items per department, those older than 45 and 60
 * working days, and those past their deadline.
 */
@RestController
class PendencyController {

	private final Cases cases;

	private final DeadlinePolicy policy;

	private final Clock clock;

	private final OpenItems openItems;

	PendencyController(Cases cases, DeadlinePolicy policy, Clock clock, OpenItems openItems) {
		this.cases = cases;
		this.openItems = openItems;
		this.policy = policy;
		this.clock = clock;
	}

	/** One department's pendency. */
	record DepartmentPendency(String departmentCode, int open, int olderThan45, int olderThan60, int overdue) {
	}

	/** Pendency on a day. */
	record Pendency(LocalDate asOf, List<DepartmentPendency> departments) {
	}

	@GetMapping("/api/v1/dashboard/pendency")
	Pendency pendency() {
		LocalDate today = this.clock.instant().atZone(OfficeTime.ZONE).toLocalDate();
		Map<String, int[]> counts = new TreeMap<>();
		this.openItems.byDepartmentAndDay().forEach((department, days) -> days.forEach((received, count) -> {
			int[] row = counts.computeIfAbsent(department, (key) -> new int[4]);
			AgeBucket age = AgeBucket.of(this.policy.age(received, today));
			row[0] += count.intValue();
			row[1] += age.olderThan45() ? count.intValue() : 0;
			row[2] += age.olderThan60() ? count.intValue() : 0;
		}));
		// only items at a department have a due date
		for (LiveCases.LiveCase open : this.cases.open()) {
			if (open.receivedAt() != null && open.dueDate() != null && this.policy.isOverdue(open.dueDate(), today)) {
				counts.computeIfAbsent(open.departmentCode(), (key) -> new int[4])[3]++;
			}
		}
		return new Pendency(today,
				counts.entrySet()
					.stream()
					.map((entry) -> new DepartmentPendency(entry.getKey(), entry.getValue()[0], entry.getValue()[1],
							entry.getValue()[2], entry.getValue()[3]))
					.toList());
	}

}
