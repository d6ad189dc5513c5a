package org.dak.tracking.dashboard;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The weekly trend counts an item in the ISO week of its day in the office's time. */
class WeeksTest {

	@Test
	void anItemCountsInTheIsoWeekOfItsDayInIndia() {
		assertThat(Figures.week(LocalDate.of(2026, 11, 30))).isEqualTo("2026-W49");
		// Sunday 29 November, 20:00 UTC, is Monday 30 November, 01:30 in India
		assertThat(Figures.week(Instant.parse("2026-11-29T20:00:00Z"))).isEqualTo("2026-W49");
		assertThat(Figures.week(Instant.parse("2026-11-29T18:00:00Z"))).isEqualTo("2026-W48");
	}

	@Test
	void theFirstDaysOfJanuaryCanBelongToTheLastWeekOfTheYearBefore() {
		assertThat(Figures.week(LocalDate.of(2027, 1, 1))).isEqualTo("2026-W53");
		assertThat(Figures.week(LocalDate.of(2027, 1, 4))).isEqualTo("2027-W01");
	}

}
