package org.dak.tracking.deadline;

import java.time.LocalDate;
import java.util.List;

import org.dak.contracts.Holiday;
import org.dak.support.settings.OfficeSettings;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The deadline rules and holidays in force, read-only: the rules are configuration
 * ({@code dak.tracking.deadlines}); the calendar is changed at the admin desk
 * ({@code /api/v1/settings/calendar}).
 */
@RestController
class DeadlineRulesController {

	private final DeadlineProperties properties;

	private final OfficeSettings settings;

	DeadlineRulesController(DeadlineProperties properties, OfficeSettings settings) {
		this.properties = properties;
		this.settings = settings;
	}

	/**
	 * What the deadlines are counted with; the holidays are the days the office is
	 * closed.
	 */
	record DeadlineRules(int defaultWorkingDays, List<DeadlineProperties.Rule> rules, List<Integer> reminderPercents,
			int dueSoonWorkingDays, List<LocalDate> holidays) {
	}

	@GetMapping("/api/v1/deadlines")
	DeadlineRules rules() {
		return new DeadlineRules(this.properties.defaultWorkingDays(), this.properties.rules(),
				this.properties.reminderPercents(), this.properties.dueSoonWorkingDays(),
				this.settings.calendar()
					.holidays()
					.stream()
					.filter(Holiday::closesTheOffice)
					.map(Holiday::date)
					.toList());
	}

}
