package org.dak.tracking.timeline;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dak.tracking.timeline.CaseStatus.CLOSED;
import static org.dak.tracking.timeline.CaseStatus.DISPOSED;
import static org.dak.tracking.timeline.CaseStatus.IN_PROGRESS;
import static org.dak.tracking.timeline.CaseStatus.MARKED;
import static org.dak.tracking.timeline.CaseStatus.RECALLED;
import static org.dak.tracking.timeline.CaseStatus.RECEIVED;
import static org.dak.tracking.timeline.CaseStatus.REJECTED;
import static org.dak.tracking.timeline.CaseStatus.REOPENED;
import static org.dak.tracking.timeline.CaseStatus.RETURNED;

class CaseStatusTest {

	/** The lifecycle of DESIGN.md §3, written out move by move. */
	private static final Map<CaseStatus, Set<CaseStatus>> LEGAL = Map.of(RECEIVED, EnumSet.of(MARKED, REJECTED), MARKED,
			EnumSet.of(MARKED, IN_PROGRESS, DISPOSED, RETURNED, RECALLED, REJECTED), IN_PROGRESS,
			EnumSet.of(MARKED, DISPOSED, RETURNED, RECALLED, REJECTED), RETURNED, EnumSet.of(MARKED, REJECTED),
			RECALLED, EnumSet.of(MARKED, REJECTED), DISPOSED, EnumSet.of(CLOSED, REOPENED), REJECTED,
			EnumSet.of(REOPENED, CLOSED), REOPENED, EnumSet.of(MARKED, REJECTED), CLOSED,
			EnumSet.noneOf(CaseStatus.class));

	@Test
	void everyMoveIsLegalExactlyWhenTheLifecycleSaysSo() {
		int legal = 0;
		for (CaseStatus from : CaseStatus.values()) {
			for (CaseStatus to : CaseStatus.values()) {
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
		for (CaseStatus status : CaseStatus.values()) {
			assertThat(status.english()).isNotBlank();
			assertThat(status.hindi()).isNotBlank().matches(".*[\\u0900-\\u097F].*");
		}
	}

}
