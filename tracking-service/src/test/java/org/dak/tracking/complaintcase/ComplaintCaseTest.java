package org.dak.tracking.complaintcase;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.dak.contracts.ComplaintRecalled;
import org.dak.contracts.ComplaintReceived;
import org.dak.contracts.ComplaintRouted;
import org.dak.contracts.DeadlineBreached;
import org.dak.contracts.DeadlineNeared;
import org.dak.contracts.GoldenSamples;
import org.dak.contracts.StatusUpdated;
import org.dak.contracts.ItemStatus;
import org.dak.platform.Refusal;
import org.dak.tracking.deadline.DeadlinePolicy;
import org.dak.tracking.deadline.TestCalendars;
import org.dak.tracking.deadline.DeadlineProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ComplaintCaseTest {

	private final ComplaintReceived received = GoldenSamples.complaintReceived();

	private final ComplaintRouted routed = GoldenSamples.complaintRouted();

	@Test
	void anEventArrivingTwiceAppearsOnceOnTheTimeline() {
		ComplaintCase complaintCase = new ComplaintCase(this.received.complaintId());
		complaintCase.apply(this.received);
		complaintCase.apply(this.routed, null);
		complaintCase.apply(this.received);
		complaintCase.apply(this.routed, null);

		assertThat(complaintCase.timeline()).extracting(TimelineEntry::status)
			.containsExactly(ItemStatus.RECEIVED, ItemStatus.MARKED);
		assertThat(complaintCase.status()).isEqualTo(ItemStatus.MARKED);
	}

	@Test
	void aMarkingArrivingBeforeTheReceiptLeavesTheItemMarked() {
		ComplaintCase complaintCase = new ComplaintCase(this.received.complaintId());
		complaintCase.apply(this.routed, null);
		complaintCase.apply(this.received);

		assertThat(complaintCase.status()).isEqualTo(ItemStatus.MARKED);
		assertThat(complaintCase.departmentCode()).isEqualTo("SUPPLY");
		assertThat(complaintCase.timeline()).extracting(TimelineEntry::status)
			.containsExactly(ItemStatus.RECEIVED, ItemStatus.MARKED);
	}

	@Test
	void storesOnlyMaskedApplicantDetails() {
		ComplaintCase complaintCase = new ComplaintCase(this.received.complaintId());
		complaintCase.apply(this.received);

		assertThat(complaintCase.applicant())
			.isEqualTo(new ComplaintCase.MaskedApplicant("स. द.", "XXXXXX3210", "3210", "s***@example.in"));
	}

	@Test
	void theMarkedDepartmentMovesTheItemAlongTheLifecycleAndAnnouncesIt() {
		ComplaintCase complaintCase = marked();

		StatusUpdated inProgress = complaintCase.changeStatus(ItemStatus.IN_PROGRESS, "SUPPLY", null, "SUPPLY",
				Instant.parse("2026-12-01T10:00:00Z"));
		StatusUpdated disposed = complaintCase.changeStatus(ItemStatus.DISPOSED, "SUPPLY", "Names added", "SUPPLY",
				Instant.parse("2026-12-02T10:00:00Z"));

		assertThat(inProgress.previousStatus()).isEqualTo("MARKED");
		assertThat(disposed.status()).isEqualTo("DISPOSED");
		assertThat(disposed.previousStatus()).isEqualTo("IN_PROGRESS");
		assertThat(complaintCase.status()).isEqualTo(ItemStatus.DISPOSED);
		assertThat(complaintCase.timeline()).extracting(TimelineEntry::status)
			.containsExactly(ItemStatus.RECEIVED, ItemStatus.MARKED, ItemStatus.IN_PROGRESS, ItemStatus.DISPOSED);
	}

	@Test
	void anIllegalMoveIsAConflict() {
		ComplaintCase complaintCase = marked();
		complaintCase.changeStatus(ItemStatus.DISPOSED, "SUPPLY", "Done", "SUPPLY", Instant.now());

		assertThatThrownBy(
				() -> complaintCase.changeStatus(ItemStatus.IN_PROGRESS, "SUPPLY", null, "SUPPLY", Instant.now()))
			.isInstanceOfSatisfying(Refusal.class, (ex) -> {
				assertThat(ex.reason()).isEqualTo(Refusal.Reason.CONFLICT);
				assertThat(ex.kind()).isEqualTo("illegal-transition");
			});
	}

	@Test
	void anotherDepartmentCannotMoveTheItem() {
		assertThatThrownBy(() -> marked().changeStatus(ItemStatus.IN_PROGRESS, "POLICE", null, "POLICE", Instant.now()))
			.isInstanceOfSatisfying(Refusal.class, (ex) -> assertThat(ex.kind()).isEqualTo("not-marked-to-department"));
	}

	@Test
	void returningOrRejectingNeedsAReason() {
		assertThatThrownBy(() -> marked().changeStatus(ItemStatus.RETURNED, "SUPPLY", " ", "SUPPLY", Instant.now()))
			.isInstanceOfSatisfying(Refusal.class, (ex) -> assertThat(ex.kind()).isEqualTo("note-required"));
		assertThatThrownBy(() -> marked().changeStatus(ItemStatus.REJECTED, "SUPPLY", null, "SUPPLY", Instant.now()))
			.isInstanceOf(Refusal.class);
	}

	@Test
	void aDepartmentCannotCloseOrMarkAnItem() {
		assertThatThrownBy(() -> marked().changeStatus(ItemStatus.CLOSED, "SUPPLY", "x", "SUPPLY", Instant.now()))
			.isInstanceOfSatisfying(Refusal.class, (ex) -> assertThat(ex.reason()).isEqualTo(Refusal.Reason.INVALID));
	}

	@Test
	void withoutADueDateFromTheDmTheDepartmentsRuleSetsIt() {
		ComplaintCase complaintCase = new ComplaintCase(this.received.complaintId());
		complaintCase.apply(this.received);
		ComplaintRouted withoutDate = new ComplaintRouted("r-2", this.received.complaintId(), this.routed.occurredAt(),
				"SUPPLY", "Supply", "आपूर्ति", null, null, null, "dm", List.of(), 1);

		complaintCase.apply(withoutDate, LocalDate.of(2026, 12, 29));

		assertThat(complaintCase.dueDate()).isEqualTo(LocalDate.of(2026, 12, 29));
	}

	@Test
	void remindersAtFiftyAndEightyPercentThenOneBreachAndNothingMore() {
		// received 2026-11-28 (IST), 21 working days: due 2026-12-29 (25 December a
		// holiday)
		DeadlinePolicy policy = new DeadlinePolicy(
				new DeadlineProperties(60, List.of(new DeadlineProperties.Rule("SUPPLY", null, 21)), List.of(50, 80), 5,
						java.time.Duration.ofMinutes(1)),
				TestCalendars.mondayToFriday(LocalDate.of(2026, 12, 25)));
		ComplaintCase complaintCase = new ComplaintCase(this.received.complaintId());
		complaintCase.apply(this.received);
		complaintCase.apply(
				new ComplaintRouted("r-3", this.received.complaintId(), this.routed.occurredAt(), "SUPPLY", "Supply",
						"आपूर्ति", null, null, null, "dm", List.of(), 1),
				policy.dueDate("SUPPLY", null, LocalDate.of(2026, 11, 28)));
		assertThat(complaintCase.dueDate()).isEqualTo(LocalDate.of(2026, 12, 29));

		assertThat(complaintCase.checkDeadline(policy, at("2026-12-07"))).isEmpty();
		assertThat(complaintCase.checkDeadline(policy, at("2026-12-14"))).singleElement()
			.isInstanceOfSatisfying(DeadlineNeared.class, (neared) -> {
				assertThat(neared.percentElapsed()).isEqualTo(50);
				assertThat(neared.workingDaysLeft()).isEqualTo(10);
			});
		assertThat(complaintCase.checkDeadline(policy, at("2026-12-15"))).isEmpty();
		assertThat(complaintCase.checkDeadline(policy, at("2026-12-22"))).singleElement()
			.isInstanceOfSatisfying(DeadlineNeared.class,
					(neared) -> assertThat(neared.percentElapsed()).isEqualTo(80));
		assertThat(complaintCase.checkDeadline(policy, at("2026-12-29"))).isEmpty();
		assertThat(complaintCase.checkDeadline(policy, at("2026-12-30"))).singleElement()
			.isInstanceOfSatisfying(DeadlineBreached.class, (breached) -> {
				assertThat(breached.dueDate()).isEqualTo(LocalDate.of(2026, 12, 29));
				assertThat(breached.status()).isEqualTo("MARKED");
			});
		assertThat(complaintCase.checkDeadline(policy, at("2026-12-31"))).isEmpty();
		assertThat(complaintCase.checkDeadline(policy, at("2027-03-01"))).isEmpty();
	}

	@Test
	void aDisposedItemHasNoDeadlineToBreach() {
		DeadlinePolicy policy = new DeadlinePolicy(
				new DeadlineProperties(60, List.of(), List.of(50, 80), 5, java.time.Duration.ofMinutes(1)),
				TestCalendars.mondayToFriday());
		ComplaintCase complaintCase = marked();
		complaintCase.changeStatus(ItemStatus.DISPOSED, "SUPPLY", "done", "SUPPLY", at("2026-12-01"));

		assertThat(complaintCase.checkDeadline(policy, at("2027-12-01"))).isEmpty();
	}

	@Test
	void aRecallTakesTheItemFromItsDepartmentAndARecallOlderThanTheMarkingChangesNothing() {
		ComplaintCase complaintCase = marked();
		// the DM's first decision, arriving late; its host's clock runs ahead: the number
		// decides, not the clock
		ComplaintRecalled stale = new ComplaintRecalled("rc-0", this.received.complaintId(),
				this.routed.occurredAt().plusSeconds(3600), "SUPPLY", "old", "dm", 1);
		complaintCase.apply(stale);
		assertThat(complaintCase.status()).isEqualTo(ItemStatus.MARKED);

		ComplaintRecalled recalled = GoldenSamples.complaintRecalled();
		complaintCase.apply(recalled);
		complaintCase.apply(recalled);

		assertThat(complaintCase.status()).isEqualTo(ItemStatus.RECALLED);
		assertThat(complaintCase.departmentCode()).isNull();
		assertThat(complaintCase.isVisibleToDepartment("SUPPLY")).isFalse();
		assertThat(complaintCase.timeline()).extracting(TimelineEntry::status)
			.containsExactly(ItemStatus.RECEIVED, ItemStatus.MARKED, ItemStatus.RECALLED);
		assertThatThrownBy(
				() -> complaintCase.changeStatus(ItemStatus.IN_PROGRESS, "SUPPLY", null, "SUPPLY", at("2026-12-01")))
			.isInstanceOfSatisfying(Refusal.class, (ex) -> assertThat(ex.kind()).isEqualTo("not-marked-to-department"));
	}

	@Test
	void aCopiedDepartmentSeesTheItemButCannotActOnIt() {
		ComplaintCase complaintCase = marked();

		assertThat(complaintCase.copiedTo()).containsExactly("SOCIAL_WELFARE");
		assertThat(complaintCase.isVisibleToDepartment("SOCIAL_WELFARE")).isTrue();
		assertThat(complaintCase.isVisibleToDepartment("POLICE")).isFalse();
		assertThatThrownBy(() -> complaintCase.step(Step.ACKNOWLEDGE, "SOCIAL_WELFARE", null, null, List.of(),
				"welfare", at("2026-12-01")))
			.isInstanceOfSatisfying(Refusal.class, (ex) -> assertThat(ex.detail()).contains("copy for information"));
	}

	@Test
	void workingStepsKeepTheItemInProgressAndEachIsAnnouncedWithItsStep() {
		ComplaintCase complaintCase = marked();

		StatusUpdated acknowledged = complaintCase.step(Step.ACKNOWLEDGE, "SUPPLY", null, null, List.of(), "dso",
				at("2026-11-30"));
		StatusUpdated forwarded = complaintCase.step(Step.FORWARD, "SUPPLY", "जाँच करें", "BLOCK_RAJGIR", List.of(),
				"dso", at("2026-12-01"));
		StatusUpdated action = complaintCase.step(Step.ACTION_TAKEN, "SUPPLY", "स्थल जाँच की गई", null,
				List.of(new TimelineEntry.Evidence("f1", "report.pdf", "application/pdf", 1234)), "bso",
				at("2026-12-02"));
		StatusUpdated interim = complaintCase.step(Step.INTERIM_REPLY, "SUPPLY", "नाम जोड़ने की प्रक्रिया जारी है",
				null, List.of(), "dso", at("2026-12-03"));

		assertThat(List.of(acknowledged, forwarded, action, interim)).extracting(StatusUpdated::step)
			.containsExactly("ACKNOWLEDGED", "FORWARDED", "ACTION_TAKEN", "INTERIM_REPLY");
		assertThat(acknowledged.previousStatus()).isEqualTo("MARKED");
		assertThat(interim.status()).isEqualTo("IN_PROGRESS");
		assertThat(forwarded.officeCode()).isEqualTo("BLOCK_RAJGIR");
		assertThat(complaintCase.officeCode()).isEqualTo("BLOCK_RAJGIR");
		assertThat(complaintCase.timeline().get(4).evidence()).extracting(TimelineEntry.Evidence::filename)
			.containsExactly("report.pdf");
		assertThatThrownBy(
				() -> complaintCase.step(Step.ACKNOWLEDGE, "SUPPLY", null, null, List.of(), "dso", at("2026-12-04")))
			.isInstanceOfSatisfying(Refusal.class, (ex) -> assertThat(ex.reason()).isEqualTo(Refusal.Reason.CONFLICT));
		assertThatThrownBy(
				() -> complaintCase.step(Step.INTERIM_REPLY, "SUPPLY", " ", null, List.of(), "dso", at("2026-12-04")))
			.isInstanceOfSatisfying(Refusal.class, (ex) -> assertThat(ex.reason()).isEqualTo(Refusal.Reason.INVALID));
	}

	@Test
	void noWorkingStepAfterDisposal() {
		ComplaintCase complaintCase = marked();
		complaintCase.changeStatus(ItemStatus.DISPOSED, "SUPPLY", "done", "SUPPLY", at("2026-12-01"));

		assertThatThrownBy(
				() -> complaintCase.step(Step.ACTION_TAKEN, "SUPPLY", "more", null, List.of(), "dso", at("2026-12-02")))
			.isInstanceOfSatisfying(Refusal.class, (ex) -> assertThat(ex.kind()).isEqualTo("illegal-transition"));
	}

	@Test
	void reMarkingADisposedItemIsRefusedAndTheRefusalAnnouncedWithTheRealState() {
		ComplaintCase complaintCase = marked();
		complaintCase.changeStatus(ItemStatus.DISPOSED, "SUPPLY", "done", "SUPPLY", at("2026-12-01"));

		StatusUpdated answer = complaintCase.apply(routedTo("POLICE", 3), null).orElseThrow();

		assertThat(complaintCase.status()).isEqualTo(ItemStatus.DISPOSED);
		assertThat(complaintCase.departmentCode()).isEqualTo("SUPPLY");
		assertThat(complaintCase.isVisibleToDepartment("POLICE")).isFalse();
		assertThat(answer.status()).isEqualTo("DISPOSED");
		assertThat(answer.step()).isEqualTo("MARKING_REFUSED");
		assertThat(answer.departmentCode()).isEqualTo("SUPPLY");
		assertThat(answer.markingSequence()).isEqualTo(3);
	}

	@Test
	void recallOfAClosedItemIsRefused() {
		ComplaintCase complaintCase = marked();
		complaintCase.changeStatus(ItemStatus.DISPOSED, "SUPPLY", "done", "SUPPLY", at("2026-12-01"));
		complaintCase.feedback(true, null, at("2026-12-02"), "access code");

		StatusUpdated answer = complaintCase.apply(GoldenSamples.complaintRecalled()).orElseThrow();

		assertThat(complaintCase.status()).isEqualTo(ItemStatus.CLOSED);
		assertThat(answer.step()).isEqualTo("RECALL_REFUSED");
		assertThat(answer.status()).isEqualTo("CLOSED");
	}

	@Test
	void aRoutedEventOlderThanTheNewestDecisionChangesNothingWhateverItsClockSays() {
		ComplaintCase complaintCase = marked();
		ComplaintRouted older = new ComplaintRouted("r-old", this.received.complaintId(),
				this.routed.occurredAt().plusSeconds(3600), "POLICE", "Police", "पुलिस", null, null, null, "dm",
				List.of(), 1);

		assertThat(complaintCase.apply(older, null)).isEmpty();

		assertThat(complaintCase.departmentCode()).isEqualTo("SUPPLY");
		assertThat(complaintCase.timeline()).extracting(TimelineEntry::status)
			.containsExactly(ItemStatus.RECEIVED, ItemStatus.MARKED);
	}

	@Test
	void decisionsOvertakingEachOtherOnTheirTopicsEndAsTheDeskDecided() {
		ComplaintCase complaintCase = marked();
		// the desk re-marked to POLICE (3), then recalled it (4); the recall arrives
		// first
		complaintCase.apply(new ComplaintRecalled("rc-4", this.received.complaintId(), this.routed.occurredAt(),
				"POLICE", "wrong again", "dm", 4));
		complaintCase.apply(routedTo("POLICE", 3), null);

		assertThat(complaintCase.status()).isEqualTo(ItemStatus.RECALLED);
		assertThat(complaintCase.departmentCode()).isNull();
	}

	@Test
	void eachOutcomeOfADecisionIsAnnouncedWithItsNumber() {
		ComplaintCase complaintCase = new ComplaintCase(this.received.complaintId());
		complaintCase.apply(this.received);

		StatusUpdated marked = complaintCase.apply(this.routed, null).orElseThrow();
		StatusUpdated recalled = complaintCase.apply(GoldenSamples.complaintRecalled()).orElseThrow();

		assertThat(marked.status()).isEqualTo("MARKED");
		assertThat(marked.step()).isNull();
		assertThat(marked.markingSequence()).isEqualTo(2);
		assertThat(recalled.status()).isEqualTo("RECALLED");
		assertThat(recalled.previousStatus()).isEqualTo("MARKED");
		assertThat(recalled.markingSequence()).isEqualTo(3);
	}

	@Test
	void aNewMarkingStartsANewDeadlineThatCanBeBreachedAgain() {
		DeadlinePolicy policy = new DeadlinePolicy(
				new DeadlineProperties(60, List.of(), List.of(50, 80), 5, java.time.Duration.ofMinutes(1)),
				TestCalendars.mondayToFriday());
		ComplaintCase complaintCase = new ComplaintCase(this.received.complaintId());
		complaintCase.apply(this.received);
		complaintCase.apply(routedDue("SUPPLY", 1, LocalDate.of(2026, 12, 10)), null);
		assertThat(complaintCase.checkDeadline(policy, at("2026-12-11")))
			.hasAtLeastOneElementOfType(DeadlineBreached.class);

		complaintCase.apply(routedDue("POLICE", 2, LocalDate.of(2026, 12, 20)), null);

		assertThat(complaintCase.breachedAt()).isNull();
		assertThat(complaintCase.checkDeadline(policy, at("2026-12-21"))).filteredOn(DeadlineBreached.class::isInstance)
			.singleElement()
			.isInstanceOfSatisfying(DeadlineBreached.class, (breached) -> {
				assertThat(breached.departmentCode()).isEqualTo("POLICE");
				assertThat(breached.markingSequence()).isEqualTo(2);
			});
	}

	@Test
	void theRefusalIsForStaffNotForThePublicTimeline() {
		ComplaintCase complaintCase = marked();
		complaintCase.changeStatus(ItemStatus.DISPOSED, "SUPPLY", "done", "SUPPLY", at("2026-12-01"));
		complaintCase.apply(routedTo("POLICE", 3), null);

		assertThat(complaintCase.timeline()).filteredOn(TimelineEntry::isRefusedDecision)
			.singleElement()
			.satisfies((entry) -> assertThat(entry.note()).contains("DISPOSED"));
	}

	private ComplaintRouted routedTo(String department, long sequence) {
		return routedDue(department, sequence, null);
	}

	private ComplaintRouted routedDue(String department, long sequence, LocalDate due) {
		return new ComplaintRouted("r-" + department + "-" + sequence, this.received.complaintId(),
				this.routed.occurredAt(), department, department, department, null, null, due, "dm", List.of(),
				sequence);
	}

	private static Instant at(String date) {
		return LocalDate.parse(date).atTime(10, 0).atZone(java.time.ZoneId.of("Asia/Kolkata")).toInstant();
	}

	private ComplaintCase marked() {
		ComplaintCase complaintCase = new ComplaintCase(this.received.complaintId());
		complaintCase.apply(this.received);
		complaintCase.apply(this.routed, null);
		return complaintCase;
	}

}
