package org.dak.tracking.deadline;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

import org.dak.contracts.WorkingDays;

/**
 * The deadline of an item and where it stands: due dates in working days by department,
 * the reminder points passed, and whether it is overdue. Working days are those of the
 * office's calendar in force at the moment of asking.
 */
public class DeadlinePolicy {

	private final DeadlineProperties properties;

	private final Supplier<WorkingDays> calendar;

	public DeadlinePolicy(DeadlineProperties properties, Supplier<WorkingDays> calendar) {
		this.properties = properties;
		this.calendar = calendar;
	}

	/**
	 * The due date of an item of {@code category} (may be {@code null}) received on
	 * {@code received} and marked to {@code department}.
	 */
	public LocalDate dueDate(String department, String category, LocalDate received) {
		return dueDate(department, category, received, this.calendar.get());
	}

	/**
	 * The due date the rules give counted in {@code days}: a calendar other than the one
	 * in force, e.g. the one before a change.
	 */
	public LocalDate dueDate(String department, String category, LocalDate received, WorkingDays days) {
		return days.plusWorkingDays(received, workingDaysAllowed(department, category));
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
		return this.calendar.get().plusWorkingDays(today, this.properties.dueSoonWorkingDays());
	}

	/**
	 * The reminder points (percent) reached by {@code today}, for an item due on
	 * {@code due}.
	 */
	public List<Integer> remindersReached(LocalDate received, LocalDate due, LocalDate today) {
		WorkingDays days = this.calendar.get();
		int allowed = Math.max(1, days.workingDaysBetween(received, due));
		int elapsed = days.workingDaysBetween(received, today);
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
		return this.calendar.get().workingDaysBetween(today, due);
	}

	/** Working days since receipt: the age pendency reports count in. */
	public int age(LocalDate received, LocalDate today) {
		return this.calendar.get().workingDaysBetween(received, today);
	}

}
