package org.dak.tracking.timeline;

import org.dak.tracking.readmodel.LiveCases;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.dak.contracts.ItemStatus;
import org.dak.tracking.deadline.DeadlinePolicy;
import org.dak.tracking.deadline.TestCalendars;
import org.dak.tracking.deadline.DeadlineProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A department's queue and the deadline round, decided on the cases' summaries without a
 * database. Monday 7 December 2026 is today; 25 December is a holiday.
 */
class WorkingSetRulesTest {

	private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

	private static final LocalDate HORIZON = LocalDate.of(2026, 12, 14);

	private final DeadlinePolicy deadlines = new DeadlinePolicy(
			new DeadlineProperties(60, List.of(), List.of(50, 80), 5, Duration.ofMinutes(1)),
			TestCalendars.mondayToFriday(LocalDate.of(2026, 12, 25)));

	@Test
	void anOfficerSeesTheirDepartmentsItemsOrCopiesToItNeverAnothersOwn() {
		LiveCases.LiveCase supplys = live("A", ItemStatus.IN_PROGRESS, "SUPPLY", "2026-12-20", List.of("POLICE"));
		Cases.QueueFilter supply = filter("SUPPLY", false, false, false);
		Cases.QueueFilter policeCopies = filter("POLICE", false, false, true);

		assertThat(WorkingSetRules.inQueue(supply, supplys, TODAY, HORIZON)).isTrue();
		assertThat(WorkingSetRules.inQueue(filter("POLICE", false, false, false), supplys, TODAY, HORIZON)).isFalse();
		assertThat(WorkingSetRules.inQueue(policeCopies, supplys, TODAY, HORIZON)).isTrue();
	}

	@Test
	void overdueAndDueSoonQueuesShowOpenItemsByTheirDueDate() {
		Cases.QueueFilter overdue = filter("SUPPLY", true, false, false);
		Cases.QueueFilter dueSoon = filter("SUPPLY", false, true, false);

		assertThat(WorkingSetRules.inQueue(overdue, live("A", ItemStatus.MARKED, "SUPPLY", "2026-12-04", List.of()),
				TODAY, HORIZON))
			.isTrue();
		assertThat(WorkingSetRules.inQueue(overdue, live("B", ItemStatus.MARKED, "SUPPLY", "2026-12-07", List.of()),
				TODAY, HORIZON))
			.as("due today is not yet overdue")
			.isFalse();
		assertThat(WorkingSetRules.inQueue(overdue, live("C", ItemStatus.DISPOSED, "SUPPLY", "2026-12-01", List.of()),
				TODAY, HORIZON))
			.as("a disposed item is not overdue")
			.isFalse();
		assertThat(WorkingSetRules.inQueue(dueSoon, live("D", ItemStatus.MARKED, "SUPPLY", "2026-12-07", List.of()),
				TODAY, HORIZON))
			.isTrue();
		assertThat(WorkingSetRules.inQueue(dueSoon, live("E", ItemStatus.MARKED, "SUPPLY", "2026-12-15", List.of()),
				TODAY, HORIZON))
			.isFalse();
	}

	@Test
	void theQueueShowsTheSoonestDueFirstThenTheLongestWaiting() {
		LiveCases.LiveCase later = live("later", ItemStatus.MARKED, "SUPPLY", "2026-12-20", List.of());
		LiveCases.LiveCase sooner = live("sooner", ItemStatus.MARKED, "SUPPLY", "2026-12-10", List.of());
		LiveCases.LiveCase noDueDate = live("none", ItemStatus.MARKED, "SUPPLY", null, List.of());

		assertThat(Stream.of(later, sooner, noDueDate).sorted(WorkingSetRules.QUEUE_ORDER).map(LiveCases.LiveCase::id))
			.containsExactly("none", "sooner", "later");
	}

	@Test
	void theDeadlineRoundReadsOnlyCasesWithAReminderOrABreachDue() {
		// received 2 November, due 7 January: about half the working days have passed
		LiveCases.LiveCase halfway = live("A", ItemStatus.IN_PROGRESS, "SUPPLY", "2027-01-07", List.of());
		LiveCases.LiveCase reminded = new LiveCases.LiveCase("B", ItemStatus.IN_PROGRESS, "SUPPLY",
				Instant.parse("2026-11-02T05:00:00Z"), LocalDate.of(2027, 1, 7), null, List.of(50), null, null,
				List.of());
		LiveCases.LiveCase overdue = live("C", ItemStatus.MARKED, "SUPPLY", "2026-12-04", List.of());
		LiveCases.LiveCase disposed = live("D", ItemStatus.DISPOSED, "SUPPLY", "2026-12-04", List.of());

		assertThat(WorkingSetRules.dueForAnnouncement(halfway, TODAY, this.deadlines)).isTrue();
		assertThat(WorkingSetRules.dueForAnnouncement(reminded, TODAY, this.deadlines)).isFalse();
		assertThat(WorkingSetRules.dueForAnnouncement(overdue, TODAY, this.deadlines)).isTrue();
		assertThat(WorkingSetRules.dueForAnnouncement(disposed, TODAY, this.deadlines)).isFalse();
	}

	private static Cases.QueueFilter filter(String department, boolean overdue, boolean dueSoon, boolean copies) {
		return new Cases.QueueFilter(department, null, overdue, dueSoon, null, copies);
	}

	private static LiveCases.LiveCase live(String id, ItemStatus status, String department, String due,
			List<String> copiedTo) {
		return new LiveCases.LiveCase(id, status, department, Instant.parse("2026-11-02T05:00:00Z"),
				(due != null) ? LocalDate.parse(due) : null, null, List.of(), null, null, copiedTo);
	}

}
