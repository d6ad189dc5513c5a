package org.dak.contracts;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

/**
 * Counts in the working days of a {@link WorkingCalendar}: a day is a working day unless
 * it is a day off of the working week or a gazetted holiday (a restricted holiday leaves
 * the office open). Deadlines under the Bihar Right to Public Grievance Redressal Act are
 * counted in these. Every service counts with this one class, so a receipt's expected
 * date and tracking's deadline always agree.
 */
public final class WorkingDays {

	private final Set<LocalDate> closed = new HashSet<>();

	private final Set<DayOfWeek> daysOff = EnumSet.noneOf(DayOfWeek.class);

	private final Set<Integer> saturdaysOff = new HashSet<>();

	WorkingDays(WorkingCalendar calendar) {
		calendar.holidays()
			.stream()
			.filter(Holiday::closesTheOffice)
			.forEach((holiday) -> this.closed.add(holiday.date()));
		this.daysOff.addAll(calendar.workingWeek().daysOff());
		this.saturdaysOff.addAll(calendar.workingWeek().saturdaysOff());
	}

	public boolean isWorkingDay(LocalDate date) {
		DayOfWeek day = date.getDayOfWeek();
		if (this.daysOff.contains(day) || this.closed.contains(date)) {
			return false;
		}
		return day != DayOfWeek.SATURDAY || !this.saturdaysOff.contains((date.getDayOfMonth() + 6) / 7);
	}

	/** The date {@code days} working days after {@code start} (which is not counted). */
	public LocalDate plusWorkingDays(LocalDate start, int days) {
		LocalDate date = start;
		int counted = 0;
		while (counted < days) {
			date = date.plusDays(1);
			if (isWorkingDay(date)) {
				counted++;
			}
		}
		return date;
	}

	/**
	 * Working days after {@code from} up to and including {@code to}; 0 if {@code to} is
	 * not later.
	 */
	public int workingDaysBetween(LocalDate from, LocalDate to) {
		int days = 0;
		for (LocalDate date = from.plusDays(1); !date.isAfter(to); date = date.plusDays(1)) {
			if (isWorkingDay(date)) {
				days++;
			}
		}
		return days;
	}

}
