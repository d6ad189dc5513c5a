package org.dak.contracts;

import java.time.DayOfWeek;
import java.util.List;

/**
 * The days of the week the office is closed, as the state's orders say.
 *
 * @param daysOff closed every week, e.g. {@code SUNDAY}
 * @param saturdaysOff which Saturdays of a month are closed (1 to 5), e.g. {@code [2, 4]}
 * for the second and fourth; empty when the office works every Saturday (or when
 * {@code SATURDAY} is among the days off every week)
 */
public record WorkingWeek(List<DayOfWeek> daysOff, List<Integer> saturdaysOff) {

	public WorkingWeek {
		daysOff = (daysOff != null) ? List.copyOf(daysOff) : List.of();
		saturdaysOff = (saturdaysOff != null) ? List.copyOf(saturdaysOff) : List.of();
	}

}
