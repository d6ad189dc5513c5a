package org.dak.tracking.deadline;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.dak.tracking.timeline.Cases;
import org.dak.tracking.timeline.LiveCases;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Pendency for review meetings: open items per department, those older than 45 and 60
 * working days, and those past their deadline.
 */
@RestController
class PendencyController {

	private static final ZoneId OFFICE_TIME = ZoneId.of("Asia/Kolkata");

	private final Cases cases;

	private final DeadlinePolicy policy;

	private final Clock clock;

	PendencyController(Cases cases, DeadlinePolicy policy, Clock clock) {
		this.cases = cases;
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
		LocalDate today = this.clock.instant().atZone(OFFICE_TIME).toLocalDate();
		Map<String, int[]> counts = new TreeMap<>();
		for (LiveCases.LiveCase open : this.cases.open()) {
			if (open.receivedAt() == null) {
				continue;
			}
			String department = (open.departmentCode() != null) ? open.departmentCode() : "UNMARKED";
			int[] row = counts.computeIfAbsent(department, (key) -> new int[4]);
			int age = this.policy.age(open.receivedAt().atZone(OFFICE_TIME).toLocalDate(), today);
			row[0]++;
			row[1] += (age > 45) ? 1 : 0;
			row[2] += (age > 60) ? 1 : 0;
			row[3] += (open.dueDate() != null && this.policy.isOverdue(open.dueDate(), today)) ? 1 : 0;
		}
		return new Pendency(today,
				counts.entrySet()
					.stream()
					.map((entry) -> new DepartmentPendency(entry.getKey(), entry.getValue()[0], entry.getValue()[1],
							entry.getValue()[2], entry.getValue()[3]))
					.toList());
	}

}
