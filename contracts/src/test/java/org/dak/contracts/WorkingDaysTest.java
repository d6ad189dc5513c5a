package org.dak.items.calendar;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WorkingDayCalendarTest {

	private final WorkingDayCalendar calendar = new WorkingDayCalendar(
			List.of(LocalDate.of(2026, 12, 25), LocalDate.of(2027, 1, 26), LocalDate.of(2026, 11, 30)));

	@Test
	void skipsWeekends() {
		LocalDate friday = LocalDate.of(2026, 11, 20);

		assertThat(this.calendar.plusWorkingDays(friday, 1)).isEqualTo(LocalDate.of(2026, 11, 23));
		assertThat(this.calendar.plusWorkingDays(friday, 5)).isEqualTo(LocalDate.of(2026, 11, 27));
	}

	@Test
	void skipsHolidaysAcrossTheYearEnd() {
		assertThat(this.calendar.plusWorkingDays(LocalDate.of(2026, 11, 27), 1)).isEqualTo(LocalDate.of(2026, 12, 1));
		assertThat(this.calendar.plusWorkingDays(LocalDate.of(2026, 12, 24), 5)).isEqualTo(LocalDate.of(2027, 1, 1));
		assertThat(this.calendar.plusWorkingDays(LocalDate.of(2027, 1, 25), 1)).isEqualTo(LocalDate.of(2027, 1, 27));
	}

	@Test
	void sixtyWorkingDaysFromAReceiptDate() {
		LocalDate received = LocalDate.of(2026, 11, 28);

		LocalDate due = this.calendar.plusWorkingDays(received, 60);

		assertThat(this.calendar.workingDaysBetween(received, due)).isEqualTo(60);
		assertThat(this.calendar.isWorkingDay(due)).isTrue();
		assertThat(due).isEqualTo(LocalDate.of(2027, 2, 24));
	}

	@Test
	void countsNothingBackwards() {
		assertThat(this.calendar.workingDaysBetween(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 11, 1))).isZero();
		assertThat(this.calendar.workingDaysBetween(LocalDate.of(2026, 11, 27), LocalDate.of(2026, 11, 29))).isZero();
	}

}
