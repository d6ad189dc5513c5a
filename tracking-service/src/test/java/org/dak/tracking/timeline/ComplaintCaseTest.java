package org.dak.tracking.timeline;

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
import org.dak.platform.Problem;
import org.dak.tracking.deadline.DeadlinePolicy;
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
			.containsExactly(CaseStatus.RECEIVED, CaseStatus.MARKED);
		assertThat(complaintCase.status()).isEqualTo(CaseStatus.MARKED);
	}

	@Test
	void aMarkingArrivingBeforeTheReceiptLeavesTheItemMarked() {
		ComplaintCase complaintCase = new ComplaintCase(this.received.complaintId());
		complaintCase.apply(this.routed, null);
		complaintCase.apply(this.received);

		assertThat(complaintCase.status()).isEqualTo(CaseStatus.MARKED);
		assertThat(complaintCase.departmentCode()).isEqualTo("SUPPLY");
		assertThat(complaintCase.timeline()).extracting(TimelineEntry::status)
			.containsExactly(CaseStatus.RECEIVED, CaseStatus.MARKED);
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

		StatusUpdated inProgress = complaintCase.changeStatus(CaseStatus.IN_PROGRESS, "SUPPLY", null, "SUPPLY",
				Instant.parse("2026-12-01T10:00:00Z"));
		StatusUpdated disposed = complaintCase.changeStatus(CaseStatus.DISPOSED, "SUPPLY", "Names added", "SUPPLY",
				Instant.parse("2026-12-02T10:00:00Z"));

		assertThat(inProgress.previousStatus()).isEqualTo("MARKED");
		assertThat(disposed.status()).isEqualTo("DISPOSED");
		assertThat(disposed.previousStatus()).isEqualTo("IN_PROGRESS");
		assertThat(complaintCase.status()).isEqualTo(CaseStatus.DISPOSED);
		assertThat(complaintCase.timeline()).extracting(TimelineEntry::status)
			.containsExactly(CaseStatus.RECEIVED, CaseStatus.MARKED, CaseStatus.IN_PROGRESS, CaseStatus.DISPOSED);
	}

	@Test
	void anIllegalMoveIsAConflict() {
		ComplaintCase complaintCase = marked();
		complaintCase.changeStatus(CaseStatus.DISPOSED, "SUPPLY", "Done", "SUPPLY", Instant.now());

		assertThatThrownBy(
				() -> complaintCase.changeStatus(CaseStatus.IN_PROGRESS, "SUPPLY", null, "SUPPLY", Instant.now()))
			.isInstanceOfSatisfying(Problem.class, (ex) -> {
				assertThat(ex.getStatusCode().value()).isEqualTo(409);
				assertThat(ex.getBody().getType()).hasToString("/problems/illegal-transition");
			});
	}

	@Test
	void anotherDepartmentCannotMoveTheItem() {
		assertThatThrownBy(() -> marked().changeStatus(CaseStatus.IN_PROGRESS, "POLICE", null, "POLICE", Instant.now()))
			.isInstanceOfSatisfying(Problem.class,
					(ex) -> assertThat(ex.getBody().getType()).hasToString("/problems/not-marked-to-department"));
	}

	@Test
	void returningOrRejectingNeedsAReason() {
		assertThatThrownBy(() -> marked().changeStatus(CaseStatus.RETURNED, "SUPPLY", " ", "SUPPLY", Instant.now()))
			.isInstanceOfSatisfying(Problem.class,
					(ex) -> assertThat(ex.getBody().getType()).hasToString("/problems/note-required"));
		assertThatThrownBy(() -> marked().changeStatus(CaseStatus.REJECTED, "SUPPLY", null, "SUPPLY", Instant.now()))
			.isInstanceOf(Problem.class);
	}

	@Test
	void aDepartmentCannotCloseOrMarkAnItem() {
		assertThatThrownBy(() -> marked().changeStatus(CaseStatus.CLOSED, "SUPPLY", "x", "SUPPLY", Instant.now()))
			.isInstanceOfSatisfying(Problem.class, (ex) -> assertThat(ex.getStatusCode().value()).isEqualTo(422));
	}

	@Test
	void withoutADueDateFromTheDmTheDepartmentsRuleSetsIt() {
		ComplaintCase complaintCase = new ComplaintCase(this.received.complaintId());
		complaintCase.apply(this.received);
		ComplaintRouted withoutDate = new ComplaintRouted("r-2", this.received.complaintId(), this.routed.occurredAt(),
				"SUPPLY", "Supply", "आपूर्ति", null, null, null, "dm", List.of());

		complaintCase.apply(withoutDate, LocalDate.of(2026, 12, 29));

		assertThat(complaintCase.dueDate()).isEqualTo(LocalDate.of(2026, 12, 29));
	}

	@Test
	void remindersAtFiftyAndEightyPercentThenOneBreachAndNothingMore() {
		// received 2026-11-28 (IST), 21 working days: due 2026-12-29 (25 December a
		// holiday)
		DeadlinePolicy policy = new DeadlinePolicy(
				new DeadlineProperties(60, List.of(new DeadlineProperties.Rule("SUPPLY", null, 21)), List.of(50, 80), 5,
						java.time.Duration.ofMinutes(1), List.of(LocalDate.of(2026, 12, 25))));
		ComplaintCase complaintCase = new ComplaintCase(this.received.complaintId());
		complaintCase.apply(this.received);
		complaintCase.apply(
				new ComplaintRouted("r-3", this.received.complaintId(), this.routed.occurredAt(), "SUPPLY", "Supply",
						"आपूर्ति", null, null, null, "dm", List.of()),
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
				new DeadlineProperties(60, List.of(), List.of(50, 80), 5, java.time.Duration.ofMinutes(1), List.of()));
		ComplaintCase complaintCase = marked();
		complaintCase.changeStatus(CaseStatus.DISPOSED, "SUPPLY", "done", "SUPPLY", at("2026-12-01"));

		assertThat(complaintCase.checkDeadline(policy, at("2027-12-01"))).isEmpty();
	}

	@Test
	void aRecallTakesTheItemFromItsDepartmentAndARecallOlderThanTheMarkingChangesNothing() {
		ComplaintCase complaintCase = marked();
		ComplaintRecalled stale = new ComplaintRecalled("rc-0", this.received.complaintId(),
				this.routed.occurredAt().minusSeconds(60), "SUPPLY", "old", "dm");
		complaintCase.apply(stale);
		assertThat(complaintCase.status()).isEqualTo(CaseStatus.MARKED);

		ComplaintRecalled recalled = GoldenSamples.complaintRecalled();
		complaintCase.apply(recalled);
		complaintCase.apply(recalled);

		assertThat(complaintCase.status()).isEqualTo(CaseStatus.RECALLED);
		assertThat(complaintCase.departmentCode()).isNull();
		assertThat(complaintCase.isVisibleToDepartment("SUPPLY")).isFalse();
		assertThat(complaintCase.timeline()).extracting(TimelineEntry::status)
			.containsExactly(CaseStatus.RECEIVED, CaseStatus.MARKED, CaseStatus.RECALLED);
		assertThatThrownBy(
				() -> complaintCase.changeStatus(CaseStatus.IN_PROGRESS, "SUPPLY", null, "SUPPLY", at("2026-12-01")))
			.isInstanceOfSatisfying(Problem.class,
					(ex) -> assertThat(ex.getBody().getType()).hasToString("/problems/not-marked-to-department"));
	}

	@Test
	void aCopiedDepartmentSeesTheItemButCannotActOnIt() {
		ComplaintCase complaintCase = marked();

		assertThat(complaintCase.copiedTo()).containsExactly("SOCIAL_WELFARE");
		assertThat(complaintCase.isVisibleToDepartment("SOCIAL_WELFARE")).isTrue();
		assertThat(complaintCase.isVisibleToDepartment("POLICE")).isFalse();
		assertThatThrownBy(() -> complaintCase.step(Step.ACKNOWLEDGE, "SOCIAL_WELFARE", null, null, List.of(),
				"welfare", at("2026-12-01")))
			.isInstanceOfSatisfying(Problem.class,
					(ex) -> assertThat(ex.getBody().getDetail()).contains("copy for information"));
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
			.isInstanceOfSatisfying(Problem.class, (ex) -> assertThat(ex.getStatusCode().value()).isEqualTo(409));
		assertThatThrownBy(
				() -> complaintCase.step(Step.INTERIM_REPLY, "SUPPLY", " ", null, List.of(), "dso", at("2026-12-04")))
			.isInstanceOfSatisfying(Problem.class, (ex) -> assertThat(ex.getStatusCode().value()).isEqualTo(422));
	}

	@Test
	void noWorkingStepAfterDisposal() {
		ComplaintCase complaintCase = marked();
		complaintCase.changeStatus(CaseStatus.DISPOSED, "SUPPLY", "done", "SUPPLY", at("2026-12-01"));

		assertThatThrownBy(
				() -> complaintCase.step(Step.ACTION_TAKEN, "SUPPLY", "more", null, List.of(), "dso", at("2026-12-02")))
			.isInstanceOfSatisfying(Problem.class,
					(ex) -> assertThat(ex.getBody().getType()).hasToString("/problems/illegal-transition"));
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
