package org.dak.routing.inbox;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An item as the DM's inbox shows it.
 */
record InboxEntry(String complaintId, String channel, String subject, String applicantName, Instant receivedAt,
		String possibleDuplicateOf, String category, String suggestedDepartment, InboxState state,
		String departmentCode, String instructions, LocalDate dueDate, List<String> copyTo, Instant markedAt,
		Instant escalatedAt, String status, List<InboxItem.HistoryEntry> history) {

	static InboxEntry of(InboxItem item) {
		return new InboxEntry(item.id(), item.channel(), item.subject(), item.applicantName(), item.receivedAt(),
				item.possibleDuplicateOf(), item.category(), item.suggestedDepartment(), item.state(),
				item.departmentCode(), item.instructions(), item.dueDate(),
				(item.copyTo() != null) ? item.copyTo() : List.of(), item.markedAt(), item.escalatedAt(),
				(item.caseStatus() != null) ? item.caseStatus()
						: (item.state() == InboxState.MARKED) ? "MARKED" : "RECEIVED",
				(item.history() != null) ? item.history() : List.of());
	}

}
