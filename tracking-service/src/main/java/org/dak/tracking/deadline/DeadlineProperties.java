package org.dak.tracking.deadline;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
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
 * @param rules other limits (e.g. 21 working days) for a department, a category, or a
 * category within a department; the most specific rule wins
 * @param reminderPercents reminder points, in percent of the working days allowed
 * @param dueSoonWorkingDays how close a due date is "due soon" in a department's queue
 * @param checkInterval how often deadlines are checked
 */
@Validated
@ConfigurationProperties("dak.tracking.deadlines")
public record DeadlineProperties(@DefaultValue("60") @Min(1) int defaultWorkingDays,
		@DefaultValue List<@Valid Rule> rules, @DefaultValue( {
				"50", "80" }) List<@Min(1) @Max(99) Integer> reminderPercents,
		@DefaultValue("5") @Min(1) int dueSoonWorkingDays, @DefaultValue("1m") Duration checkInterval){

	/**
	 * One deadline rule. Leave out the department or the category to match any.
	 *
	 * @param department a department code, e.g. {@code SUPPLY}
	 * @param category a category, e.g. {@code ration-card}
	 * @param workingDays working days allowed
	 */
	public record Rule(String department, String category, @Min(1) int workingDays) {

		boolean matches(String department, String category) {
			return (this.department == null || this.department.equals(department))
					&& (this.category == null || this.category.equals(category));
		}

		/** Department and category beat category, which beats department alone. */
		int specificity() {
			return ((this.category != null) ? 2 : 0) + ((this.department != null) ? 1 : 0);
		}

	}

}
