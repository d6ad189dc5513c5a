package org.dak.intake.receipt;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;

/**
 * Counts working days: not Saturdays, Sundays or listed holidays.
 */
public final class WorkingDays {

	private WorkingDays() {
	}

	/** The date {@code days} working days after {@code start} (which is not counted). */
	public static LocalDate after(LocalDate start, int days, Collection<LocalDate> holidays) {
		LocalDate date = start;
		int counted = 0;
		while (counted < days) {
			date = date.plusDays(1);
			if (date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY
					&& !holidays.contains(date)) {
				counted++;
			}
		}
		return date;
	}

}
