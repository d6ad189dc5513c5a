package org.dak.tracking.deadline;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Deadline rules.
 *
 * @param defaultWorkingDays working days from receipt to disposal unless a rule says
 * otherwise
 * @param departmentWorkingDays working days per department code, where the law or the DM
 * sets another limit (e.g. 21)
 * @param reminderPercents reminder points, in percent of the working days allowed
 * @param checkInterval how often deadlines are checked
 * @param holidays public holidays (the shared {@code dak.calendar.holidays})
 */
@Validated
@ConfigurationProperties("dak.tracking.deadlines")
public record DeadlineProperties(@DefaultValue("60") @Min(1) int defaultWorkingDays,
		@DefaultValue Map<String, Integer> departmentWorkingDays, @DefaultValue( {
				"50", "80" }) List<@Min(1) @Max(99) Integer> reminderPercents,
		@DefaultValue("1m") Duration checkInterval, @DefaultValue List<LocalDate> holidays){
}
