package org.dak.tracking.timeline;

import org.dak.tracking.readmodel.LiveCases;
import java.time.LocalDate;
import java.util.Comparator;

import org.dak.contracts.OfficeTime;
import org.dak.tracking.deadline.DeadlinePolicy;

/**
 * Plain rules on the summaries of the cases in the working set ({@link LiveCases}): which
 * of them an officer's queue shows and in which order, and which a deadline round must
 * read because a reminder or a breach is due. Free of the database, so each can be tried
 * alone; {@link Cases} reads the summaries and asks.
 */
final class WorkingSetRules {

	/** Soonest due first (none yet: first of all), then the longest waiting. */
	static final Comparator<LiveCases.LiveCase> QUEUE_ORDER = Comparator
		.comparing(LiveCases.LiveCase::dueDate, Comparator.nullsFirst(Comparator.naturalOrder()))
		.thenComparing(LiveCases.LiveCase::receivedAt, Comparator.nullsFirst(Comparator.naturalOrder()));

	private WorkingSetRules() {
	}

	/**
	 * Whether the queue asked for shows the case: the department's own (or, for copies,
	 * those copied to it), narrowed by status and office; overdue and due-soon queues
	 * show open cases only, due before today or due from today to the horizon.
	 */
	static boolean inQueue(Cases.QueueFilter filter, LiveCases.LiveCase c, LocalDate today, LocalDate horizon) {
		boolean departments = filter.copies() ? c.copiedTo().contains(filter.department())
				: filter.department().equals(c.departmentCode());
		if (!departments || (filter.status() != null && filter.status() != c.status())
				|| (filter.office() != null && !filter.office().equals(c.officeCode()))) {
			return false;
		}
		if ((filter.overdue() || filter.dueSoon()) && !c.isOpen()) {
			return false;
		}
		if (filter.overdue() && (c.dueDate() == null || !c.dueDate().isBefore(today))) {
			return false;
		}
		return !filter.dueSoon()
				|| (c.dueDate() != null && !c.dueDate().isBefore(today) && !c.dueDate().isAfter(horizon));
	}

	/**
	 * Whether a case's summary says a reminder or its breach is due today: only those
	 * cases are read by the deadline round. A settled case, one without a due date and
	 * one already breached have nothing due.
	 */
	static boolean dueForAnnouncement(LiveCases.LiveCase live, LocalDate today, DeadlinePolicy deadlines) {
		if (live.dueDate() == null || live.receivedAt() == null || live.breachedAt() != null || !live.isOpen()) {
			return false;
		}
		if (deadlines.isOverdue(live.dueDate(), today)) {
			return true;
		}
		LocalDate received = OfficeTime.dateOf(live.receivedAt());
		return !live.remindersSent().containsAll(deadlines.remindersReached(received, live.dueDate(), today));
	}

}
