package org.dak.tracking.settings;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.dak.support.settings.OfficeSettings;

import org.springframework.stereotype.Component;

/**
 * Measures whether the holidays the deadlines need are entered: the year whose list is
 * missing ({@code dak_calendar_holidays_missing_year}, 0 when none is), from the calendar
 * in force, so the alert and the health page need no database.
 */
@Component
class CalendarWatch {

	CalendarWatch(OfficeCalendar calendar, OfficeSettings settings, MeterRegistry meters) {
		Gauge
			.builder("dak.calendar.holidays.missing.year",
					() -> calendar.yearMissing(settings.calendar()).map(Integer::doubleValue).orElse(0.0))
			.description("The year whose public holidays should be entered by now and are not (from 1 December "
					+ "the coming year's), 0 when every list is there")
			.register(meters);
	}

}
