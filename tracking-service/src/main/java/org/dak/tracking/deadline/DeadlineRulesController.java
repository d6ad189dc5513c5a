package org.dak.tracking.deadline;

import java.time.LocalDate;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The deadline rules and holidays in force, read-only: they are configuration
 * ({@code dak.tracking.deadlines}, {@code dak.calendar.holidays}), shown so the office
 * can check what the system counts with.
 */
@RestController
class DeadlineRulesController {

	private final DeadlineProperties properties;

	DeadlineRulesController(DeadlineProperties properties) {
		this.properties = properties;
	}

	/** What the deadlines are counted with. */
	record DeadlineRules(int defaultWorkingDays, List<DeadlineProperties.Rule> rules, List<Integer> reminderPercents,
			int dueSoonWorkingDays, List<LocalDate> holidays) {
	}

	@GetMapping("/api/v1/deadlines")
	DeadlineRules rules() {
		return new DeadlineRules(this.properties.defaultWorkingDays(), this.properties.rules(),
				this.properties.reminderPercents(), this.properties.dueSoonWorkingDays(),
				this.properties.holidays().stream().sorted().toList());
	}

}
