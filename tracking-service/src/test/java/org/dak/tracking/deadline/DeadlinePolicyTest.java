package org.dak.tracking.deadline;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeadlinePolicyTest {

	private final DeadlinePolicy policy = new DeadlinePolicy(new DeadlineProperties(60,
			List.of(new DeadlineProperties.Rule("SUPPLY", null, 21), new DeadlineProperties.Rule(null, "pension", 30),
					new DeadlineProperties.Rule("REVENUE", "land-record", 45)),
			List.of(50, 80), 5, Duration.ofMinutes(1)), TestCalendars.mondayToFriday(LocalDate.of(2026, 12, 25)));

	@Test
	void theMostSpecificRuleDecidesTheWorkingDaysAllowed() {
		assertThat(this.policy.workingDaysAllowed("POLICE", null)).as("no rule: the Act's 60").isEqualTo(60);
		assertThat(this.policy.workingDaysAllowed("SUPPLY", "ration-card")).as("department rule").isEqualTo(21);
		assertThat(this.policy.workingDaysAllowed("SUPPLY", "pension")).as("category beats department").isEqualTo(30);
		assertThat(this.policy.workingDaysAllowed("REVENUE", "land-record")).as("both beat either").isEqualTo(45);
		assertThat(this.policy.workingDaysAllowed("LAND_REFORMS", "land-record")).as("other department").isEqualTo(60);
	}

	@Test
	void dueDatesCountWorkingDaysPastWeekendsHolidaysAndTheYearEnd() {
		// Monday 21 Dec 2026 + 5 working days: 22, 23, 24, (25 holiday, 26-27 weekend),
		// 28, 29
		assertThat(this.policy.dueSoonHorizon(LocalDate.of(2026, 12, 21))).isEqualTo(LocalDate.of(2026, 12, 29));
		// 30 working days from Friday 18 Dec 2026 run into 2027
		assertThat(this.policy.dueDate("SOCIAL_WELFARE", "pension", LocalDate.of(2026, 12, 18)))
			.isEqualTo(LocalDate.of(2027, 2, 1));
	}

}
