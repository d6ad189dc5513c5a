package org.dak.items.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;

/**
 * The office's working days: Monday to Friday, less the gazetted holidays. Deadlines
 * under the Bihar Right to Public Grievance Redressal Act are counted in these.
 *
 * @param holidays the public holidays
 */
public record WorkingDayCalendar(Set<LocalDate> holidays) {

	public WorkingDayCalendar(Collection<LocalDate> holidays) {
		this(Set.copyOf(holidays));
	}

	public boolean isWorkingDay(LocalDate date) {
		return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY
				&& !this.holidays.contains(date);
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
