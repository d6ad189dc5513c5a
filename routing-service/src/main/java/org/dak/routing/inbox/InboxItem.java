package org.dak.routing.inbox;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.dak.support.events.OutboxEvent;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An item on the DM's desk. Changed only by single-document conditional updates, so two
 * officers marking at once cannot both succeed.
 *
 * @param id the complaint ID (its receipt number)
 * @param channel how it arrived
 * @param subject its subject
 * @param applicantName who filed it
 * @param receivedAt when it was received
 * @param possibleDuplicateOf an earlier item it may repeat, flagged at intake
 * @param category what it is about, if the channel said
 * @param suggestedDepartment the department its words suggest, or {@code null}
 * @param state awaiting marking or marked
 * @param departmentCode the department it is marked to
 * @param instructions the DM's instructions
 * @param dueDate the due date set when marking
 * @param copyTo departments that got a copy for information
 * @param markedAt when it was last marked
 * @param escalatedAt when its deadline passed undisposed (escalated to the DM), or
 * {@code null}
 * @param history every marking and return, oldest first
 * @param markingSequence the number of the newest decision of the desk on this item
 * (marking, re-marking, recall), carried by its event; {@code null} on items stored
 * before it existed
 * @param caseStatus the item's lifecycle status as tracking, its owner, last announced it
 * for the newest decision (or as this desk set it by that decision); {@code null} until
 * then
 * @param outbox events waiting to be published
 */
@Document("inbox")
@CompoundIndex(name = "id_decision", def = "{'_id': 1, 'state': 1, 'markingSequence': 1}", unique = true)
record InboxItem(@Id String id, String channel, String subject, String applicantName, @Indexed Instant receivedAt,
		String possibleDuplicateOf, String category, String suggestedDepartment, InboxState state,
		String departmentCode, String instructions, LocalDate dueDate, List<String> copyTo, Instant markedAt,
		Instant escalatedAt, List<HistoryEntry> history, Long markingSequence, String caseStatus,
		List<OutboxEvent> outbox) {

	/** The newest decision's number; {@code 0} if there was none. */
	long sequence() {
		return (this.markingSequence != null) ? this.markingSequence : 0;
	}

	/**
	 * One step on the DM's desk.
	 *
	 * @param at when
	 * @param action {@code MARKED}, {@code RE-MARKED}, {@code RECALLED},
	 * {@code RETURNED}, {@code REOPENED}, {@code ESCALATED}, or {@code MARKING_REFUSED} /
	 * {@code RECALL_REFUSED} when tracking found the lifecycle did not allow the desk's
	 * decision
	 * @param departmentCode the department concerned
	 * @param by who
	 * @param note instructions or the reason for return
	 */
	record HistoryEntry(Instant at, String action, String departmentCode, String by, String note) {
	}

}
