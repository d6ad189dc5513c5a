package org.dak.tracking.deadline;

import java.time.LocalDate;
import java.util.List;

import org.dak.items.calendar.WorkingDayCalendar;

import org.springframework.stereotype.Component;

/**
 * The deadline of an item and where it stands: due dates in working days by department,
 * the reminder points passed, and whether it is overdue.
 */
@Component
public class DeadlinePolicy {

	private final DeadlineProperties properties;

	private final WorkingDayCalendar calendar;

	public DeadlinePolicy(DeadlineProperties properties) {
		this.properties = properties;
		this.calendar = new WorkingDayCalendar(properties.holidays());
	}

	/**
	 * The due date of an item of {@code category} (may be {@code null}) received on
	 * {@code received} and marked to {@code department}.
	 */
	public LocalDate dueDate(String department, String category, LocalDate received) {
		return this.calendar.plusWorkingDays(received, workingDaysAllowed(department, category));
	}

	/** The working days the most specific matching rule allows, else the default. */
	public int workingDaysAllowed(String department, String category) {
		return this.properties.rules()
			.stream()
			.filter((rule) -> rule.matches(department, category))
			.max(java.util.Comparator.comparingInt(DeadlineProperties.Rule::specificity))
			.map(DeadlineProperties.Rule::workingDays)
			.orElse(this.properties.defaultWorkingDays());
	}

	/** The last day counted as "due soon" from {@code today}. */
	public LocalDate dueSoonHorizon(LocalDate today) {
		return this.calendar.plusWorkingDays(today, this.properties.dueSoonWorkingDays());
	}

	/**
	 * The reminder points (percent) reached by {@code today}, for an item due on
	 * {@code due}.
	 */
	public List<Integer> remindersReached(LocalDate received, LocalDate due, LocalDate today) {
		int allowed = Math.max(1, this.calendar.workingDaysBetween(received, due));
		int elapsed = this.calendar.workingDaysBetween(received, today);
		return this.properties.reminderPercents()
			.stream()
			.filter((percent) -> elapsed * 100 >= percent * allowed)
			.sorted()
			.toList();
	}

	/**
	 * The reminder points up to and including {@code percent}: those a reminder at that
	 * point had reached.
	 */
	public List<Integer> remindersUpTo(int percent) {
		return this.properties.reminderPercents().stream().filter((point) -> point <= percent).sorted().toList();
	}

	public boolean isOverdue(LocalDate due, LocalDate today) {
		return today.isAfter(due);
	}

	public int workingDaysLeft(LocalDate today, LocalDate due) {
		return this.calendar.workingDaysBetween(today, due);
	}

	/** Working days since receipt: the age pendency reports count in. */
	public int age(LocalDate received, LocalDate today) {
		return this.calendar.workingDaysBetween(received, today);
	}

}
