package org.dak.contracts;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WorkingDaysTest {

	private static final WorkingWeek MONDAY_TO_FRIDAY = new WorkingWeek(List.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
			List.of());

	private final WorkingDays calendar = new WorkingCalendar(MONDAY_TO_FRIDAY,
			List.of(gazetted(2026, 12, 25), gazetted(2027, 1, 26), gazetted(2026, 11, 30)))
		.workingDays();

	private static Holiday gazetted(int year, int month, int day) {
		return new Holiday(LocalDate.of(year, month, day), "अवकाश", "Holiday", Holiday.GAZETTED);
	}

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

	@Test
	void secondAndFourthSaturdaysAreOffWhenTheStateSaysSo() {
		WorkingDays days = new WorkingCalendar(new WorkingWeek(List.of(DayOfWeek.SUNDAY), List.of(2, 4)), List.of())
			.workingDays();

		// December 2026: Saturdays on the 5th, 12th, 19th and 26th
		assertThat(days.isWorkingDay(LocalDate.of(2026, 12, 5))).isTrue();
		assertThat(days.isWorkingDay(LocalDate.of(2026, 12, 12))).isFalse();
		assertThat(days.isWorkingDay(LocalDate.of(2026, 12, 19))).isTrue();
		assertThat(days.isWorkingDay(LocalDate.of(2026, 12, 26))).isFalse();
		assertThat(days.isWorkingDay(LocalDate.of(2026, 12, 27))).isFalse();
		// Friday 11th + 1 working day: Saturday 12th and Sunday 13th are off
		assertThat(days.plusWorkingDays(LocalDate.of(2026, 12, 11), 1)).isEqualTo(LocalDate.of(2026, 12, 14));
		// Friday 4th + 1: the first Saturday is worked
		assertThat(days.plusWorkingDays(LocalDate.of(2026, 12, 4), 1)).isEqualTo(LocalDate.of(2026, 12, 5));
	}

	@Test
	void aRestrictedHolidayLeavesTheOfficeOpen() {
		LocalDate biharDay = LocalDate.of(2027, 3, 22);
		WorkingCalendar calendar = new WorkingCalendar(MONDAY_TO_FRIDAY,
				List.of(new Holiday(biharDay, "बिहार दिवस", "Bihar Day", Holiday.RESTRICTED)));

		assertThat(calendar.workingDays().isWorkingDay(biharDay)).isTrue();
		assertThat(calendar.hasHolidaysOf(2027)).isTrue();
		assertThat(calendar.hasHolidaysOf(2028)).isFalse();
	}

}
