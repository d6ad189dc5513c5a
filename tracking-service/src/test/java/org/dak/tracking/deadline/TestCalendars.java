package org.dak.tracking.deadline;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import org.dak.contracts.Holiday;
import org.dak.contracts.WorkingCalendar;
import org.dak.contracts.WorkingDays;
import org.dak.contracts.WorkingWeek;

/** Calendars for tests that count deadlines. */
public final class TestCalendars {

	private TestCalendars() {
	}

	/** Monday to Friday, less the given gazetted holidays. */
	public static Supplier<WorkingDays> mondayToFriday(LocalDate... holidays) {
		WorkingDays days = new WorkingCalendar(
				new WorkingWeek(List.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), List.of()),
				Arrays.stream(holidays).map((date) -> new Holiday(date, "अवकाश", "Holiday", Holiday.GAZETTED)).toList())
			.workingDays();
		return () -> days;
	}

}
