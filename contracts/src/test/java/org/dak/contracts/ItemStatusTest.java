package org.dak.contracts;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dak.contracts.ItemStatus.CLOSED;
import static org.dak.contracts.ItemStatus.DISPOSED;
import static org.dak.contracts.ItemStatus.IN_PROGRESS;
import static org.dak.contracts.ItemStatus.MARKED;
import static org.dak.contracts.ItemStatus.RECALLED;
import static org.dak.contracts.ItemStatus.RECEIVED;
import static org.dak.contracts.ItemStatus.REJECTED;
import static org.dak.contracts.ItemStatus.REOPENED;
import static org.dak.contracts.ItemStatus.RETURNED;

class ItemStatusTest {

	/** The lifecycle of DESIGN.md §3, written out move by move. */
	private static final Map<ItemStatus, Set<ItemStatus>> LEGAL = Map.of(RECEIVED, EnumSet.of(MARKED, REJECTED), MARKED,
			EnumSet.of(MARKED, IN_PROGRESS, DISPOSED, RETURNED, RECALLED, REJECTED), IN_PROGRESS,
			EnumSet.of(MARKED, DISPOSED, RETURNED, RECALLED, REJECTED), RETURNED, EnumSet.of(MARKED, REJECTED),
			RECALLED, EnumSet.of(MARKED, REJECTED), DISPOSED, EnumSet.of(CLOSED, REOPENED), REJECTED,
			EnumSet.of(REOPENED, CLOSED), REOPENED, EnumSet.of(MARKED, REJECTED), CLOSED,
			EnumSet.noneOf(ItemStatus.class));

	@Test
	void everyMoveIsLegalExactlyWhenTheLifecycleSaysSo() {
		int legal = 0;
		for (ItemStatus from : ItemStatus.values()) {
			for (ItemStatus to : ItemStatus.values()) {
				assertThat(from.canMoveTo(to)).as("%s -> %s", from, to).isEqualTo(LEGAL.get(from).contains(to));
				legal += from.canMoveTo(to) ? 1 : 0;
			}
		}
		assertThat(legal).isEqualTo(23);
	}

	@Test
	void aClosedItemNeverMovesAgain() {
		assertThat(CLOSED.nextStatuses()).isEmpty();
	}

	@Test
	void everyStatusHasEnglishAndHindiText() {
		for (ItemStatus status : ItemStatus.values()) {
			assertThat(status.english()).isNotBlank();
			assertThat(status.hindi()).isNotBlank().matches(".*[\\u0900-\\u097F].*");
		}
	}

	@Test
	void anItemIsOpenUntilTheDepartmentHasAnsweredItOrItIsClosed() {
		assertThat(ItemStatus.open()).containsExactlyInAnyOrder(RECEIVED, MARKED, IN_PROGRESS, RETURNED, RECALLED,
				REOPENED);
		for (ItemStatus status : ItemStatus.values()) {
			assertThat(status.isSettled()).as(status.name()).isEqualTo(!status.isOpen());
		}
		assertThat(DISPOSED.isSettled()).isTrue();
		assertThat(REJECTED.isSettled()).isTrue();
		assertThat(CLOSED.isSettled()).isTrue();
	}

	@Test
	void anItemWaitsForMarkingWhenItArrivesAndWheneverItComesBackToTheDesk() {
		assertThat(EnumSet.allOf(ItemStatus.class).stream().filter(ItemStatus::waitsForMarking))
			.containsExactlyInAnyOrder(RECEIVED, RETURNED, RECALLED, REOPENED);
		// every status that waits for marking may be marked
		EnumSet.allOf(ItemStatus.class)
			.stream()
			.filter(ItemStatus::waitsForMarking)
			.forEach((status) -> assertThat(status.canMoveTo(MARKED)).as(status.name()).isTrue());
	}

	@Test
	void aStatusFromANewerProducerIsKnownToNobodyRatherThanGuessed() {
		assertThat(ItemStatus.of("DISPOSED")).contains(DISPOSED);
		assertThat(ItemStatus.of("ARCHIVED")).isEmpty();
		assertThat(ItemStatus.of(null)).isEmpty();
	}

}
