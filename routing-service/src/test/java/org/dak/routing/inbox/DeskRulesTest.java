package org.dak.routing.inbox;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.dak.contracts.DeadlineBreached;
import org.dak.contracts.StatusUpdated;
import org.dak.platform.Refusal;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The DM's desk decides on the item as it read it: these are those decisions, tried
 * without a database.
 */
class DeskRulesTest {

	private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

	@Test
	void anItemWaitingForMarkingMayBeMarkedButNotReMarked() {
		InboxItem waiting = item(InboxState.AWAITING_MARKING, null, 0, null);

		assertThatNoException().isThrownBy(() -> DeskRules.mayMark(waiting, "SUPPLY", false));
		assertRefused(() -> DeskRules.mayMark(waiting, "SUPPLY", true), Refusal.Reason.CONFLICT, "not-marked");
	}

	@Test
	void aMarkedItemMayBeReMarkedElsewhereOnlyAndNeverMarkedTwice() {
		InboxItem marked = item(InboxState.MARKED, "SUPPLY", 1, "IN_PROGRESS");

		assertRefused(() -> DeskRules.mayMark(marked, "POLICE", false), Refusal.Reason.CONFLICT, "already-marked");
		assertRefused(() -> DeskRules.mayMark(marked, "SUPPLY", true), Refusal.Reason.CONFLICT, "already-marked");
		assertThatNoException().isThrownBy(() -> DeskRules.mayMark(marked, "POLICE", true));
	}

	@Test
	void aSettledItemIsNeitherMarkedNorRecalledAndTheDeskIsToldItsStatus() {
		for (String settled : List.of("DISPOSED", "REJECTED", "CLOSED")) {
			InboxItem item = item(InboxState.MARKED, "SUPPLY", 1, settled);
			assertThatThrownBy(() -> DeskRules.mayMark(item, "POLICE", true)).isInstanceOfSatisfying(Refusal.class,
					(refusal) -> {
						assertThat(refusal.kind()).isEqualTo("item-settled");
						assertThat(refusal.properties()).containsEntry("itemStatus", settled);
					});
			assertRefused(() -> DeskRules.mayRecall(item), Refusal.Reason.CONFLICT, "item-settled");
		}
	}

	@Test
	void onlyAMarkedItemMayBeRecalled() {
		assertThatNoException().isThrownBy(() -> DeskRules.mayRecall(item(InboxState.MARKED, "SUPPLY", 1, "MARKED")));
		assertRefused(() -> DeskRules.mayRecall(item(InboxState.AWAITING_MARKING, null, 2, "RECALLED")),
				Refusal.Reason.CONFLICT, "not-marked");
	}

	@Test
	void aCopyGoesToAnotherDepartmentThanTheOneMarkedTo() {
		assertThatNoException().isThrownBy(() -> DeskRules.mayCopy("SUPPLY", "SOCIAL_WELFARE"));
		assertRefused(() -> DeskRules.mayCopy("SUPPLY", "SUPPLY"), Refusal.Reason.INVALID, "copy-to-primary");
	}

	@Test
	void trackingsAnswerToAnOlderDecisionChangesNothing() {
		InboxItem remarked = item(InboxState.MARKED, "POLICE", 2, "MARKED");

		assertThat(DeskRules.speaksOfTheNewestDecision(remarked, status("DISPOSED", "SUPPLY", 1, null))).isFalse();
		assertThat(DeskRules.speaksOfTheNewestDecision(remarked, status("IN_PROGRESS", "POLICE", 2, null))).isTrue();
		// from before decisions were numbered: the department decides
		assertThat(DeskRules.speaksOfTheNewestDecision(remarked, status("IN_PROGRESS", "POLICE", 0, null))).isTrue();
		assertThat(DeskRules.speaksOfTheNewestDecision(remarked, status("IN_PROGRESS", "SUPPLY", 0, null))).isFalse();
	}

	@Test
	void aReturnedRecalledOrReopenedItemComesBackToMarkingOtherStatusesKeepItWithItsDepartment() {
		InboxItem marked = item(InboxState.MARKED, "SUPPLY", 1, "IN_PROGRESS");

		for (String back : List.of("RETURNED", "RECALLED", "REOPENED")) {
			assertThat(DeskRules.move(marked, status(back, "SUPPLY", 1, null)))
				.contains(new DeskRules.Move(InboxState.AWAITING_MARKING, null));
		}
		assertThat(DeskRules.move(marked, status("DISPOSED", "SUPPLY", 1, null))).isEmpty();
		assertThat(
				DeskRules.move(item(InboxState.AWAITING_MARKING, null, 1, null), status("MARKED", "SUPPLY", 1, null)))
			.contains(new DeskRules.Move(InboxState.MARKED, "SUPPLY"));
	}

	@Test
	void aRefusalByTrackingIsToldByItsStep() {
		assertThat(DeskRules.isRefusal(status("DISPOSED", "SUPPLY", 2, "MARKING_REFUSED"))).isTrue();
		assertThat(DeskRules.isRefusal(status("IN_PROGRESS", "SUPPLY", 1, "ACKNOWLEDGED"))).isFalse();
		assertThat(DeskRules.isRefusal(status("IN_PROGRESS", "SUPPLY", 1, null))).isFalse();
	}

	@Test
	void aBreachIsEscalatedOncePerMarkingAndOnlyForTheMarkingItIsAbout() {
		InboxItem marked = item(InboxState.MARKED, "SUPPLY", 2, "MARKED");

		assertThat(DeskRules.escalates(marked, breach("SUPPLY", 2))).isTrue();
		assertThat(DeskRules.escalates(marked, breach("POLICE", 1))).isFalse();
		assertThat(DeskRules.escalates(marked, breach("SUPPLY", 0))).isTrue();
		InboxItem escalated = new InboxItem(marked.id(), "WEB", "s", "a", NOW, null, null, null, InboxState.MARKED,
				"SUPPLY", null, null, List.of(), NOW, NOW, List.of(), 2L, "MARKED", List.of());
		assertThat(DeskRules.escalates(escalated, breach("SUPPLY", 2))).isFalse();
	}

	private static InboxItem item(InboxState state, String department, long sequence, String caseStatus) {
		return new InboxItem("NAL-2026-000001-Q", "WEB", "राशन कार्ड", "सुनीता देवी", NOW, null, null, "SUPPLY", state,
				department, null, null, List.of(), null, null, List.of(), sequence, caseStatus, List.of());
	}

	private static StatusUpdated status(String status, String department, long sequence, String step) {
		return new StatusUpdated("e-1", "NAL-2026-000001-Q", NOW, status, null, department, null, "officer", step, null,
				sequence);
	}

	private static DeadlineBreached breach(String department, long sequence) {
		return new DeadlineBreached("e-2", "NAL-2026-000001-Q", NOW, department, LocalDate.of(2026, 12, 1), "MARKED",
				sequence);
	}

	private static void assertRefused(Runnable decision, Refusal.Reason reason, String kind) {
		assertThatThrownBy(decision::run).isInstanceOfSatisfying(Refusal.class, (refusal) -> {
			assertThat(refusal.reason()).isEqualTo(reason);
			assertThat(refusal.kind()).isEqualTo(kind);
		});
	}

}
