package org.dak.support.settings;

import java.time.DayOfWeek;
import java.util.List;

import org.dak.contracts.Holiday;
import org.dak.contracts.WorkingCalendar;
import org.dak.contracts.WorkingWeek;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The working calendar of a new installation. Once tracking has installed it (version 1
 * of the {@code calendar} settings), changes are made at the admin desk and these values
 * no longer count.
 *
 * @param daysOff the days the office is closed every week
 * @param saturdaysOff which Saturdays of a month it is also closed (1 to 5), e.g. 2 and 4
 * @param holidays the public holidays: date, Hindi and English name, {@code GAZETTED}
 * (closed) or {@code RESTRICTED} (open)
 */
@ConfigurationProperties("dak.calendar")
public record CalendarProperties(@DefaultValue( {
		"SATURDAY", "SUNDAY" }) List<DayOfWeek> daysOff, @DefaultValue List<Integer> saturdaysOff,
		@DefaultValue List<Holiday> holidays){

	/** The calendar these values give. */
	public WorkingCalendar calendar() {
		return new WorkingCalendar(new WorkingWeek(this.daysOff, this.saturdaysOff), this.holidays);
	}

}
