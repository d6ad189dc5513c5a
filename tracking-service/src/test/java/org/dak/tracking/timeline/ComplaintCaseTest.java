package org.dak.tracking.timeline;

import java.time.Instant;

import org.dak.contracts.ComplaintReceived;
import org.dak.contracts.ComplaintRouted;
import org.dak.contracts.GoldenSamples;
import org.dak.contracts.StatusUpdated;
import org.dak.platform.Problem;
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
		complaintCase.apply(this.routed);
		complaintCase.apply(this.received);
		complaintCase.apply(this.routed);

		assertThat(complaintCase.timeline()).extracting(TimelineEntry::status)
			.containsExactly(CaseStatus.RECEIVED, CaseStatus.MARKED);
		assertThat(complaintCase.status()).isEqualTo(CaseStatus.MARKED);
	}

	@Test
	void aMarkingArrivingBeforeTheReceiptLeavesTheItemMarked() {
		ComplaintCase complaintCase = new ComplaintCase(this.received.complaintId());
		complaintCase.apply(this.routed);
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

	private ComplaintCase marked() {
		ComplaintCase complaintCase = new ComplaintCase(this.received.complaintId());
		complaintCase.apply(this.received);
		complaintCase.apply(this.routed);
		return complaintCase;
	}

}
