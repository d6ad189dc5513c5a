package org.dak.contracts;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * The office's working calendar: its working week and the public holidays of every year
 * it holds. Deadlines and the "expected disposal by" date are counted in its working days
 * ({@link #workingDays()}).
 *
 * @param workingWeek the days the office is closed every week or month
 * @param holidays the public holidays, in date order
 */
public record WorkingCalendar(WorkingWeek workingWeek, List<Holiday> holidays) {

	public WorkingCalendar {
		workingWeek = (workingWeek != null) ? workingWeek : new WorkingWeek(List.of(), List.of());
		holidays = (holidays != null) ? holidays.stream().sorted(Comparator.comparing(Holiday::date)).toList()
				: List.of();
	}

	/** The working days this calendar gives, to count with. */
	public WorkingDays workingDays() {
		return new WorkingDays(this);
	}

	/** Whether any holiday of {@code year} is on the list. */
	public boolean hasHolidaysOf(int year) {
		return this.holidays.stream().anyMatch((holiday) -> holiday.date().getYear() == year);
	}

	/** The holiday on that day, if there is one. */
	public java.util.Optional<Holiday> holidayOn(LocalDate date) {
		return this.holidays.stream().filter((holiday) -> holiday.date().equals(date)).findFirst();
	}

}
