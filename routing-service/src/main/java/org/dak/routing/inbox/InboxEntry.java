package org.dak.routing.inbox;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An item as the DM's inbox shows it.
 */
record InboxEntry(String complaintId, String channel, String subject, String applicantName, Instant receivedAt,
		String possibleDuplicateOf, String suggestedDepartment, InboxState state, String departmentCode,
		String instructions, LocalDate dueDate, Instant markedAt, Instant escalatedAt) {

	static InboxEntry of(InboxItem item) {
		return new InboxEntry(item.id(), item.channel(), item.subject(), item.applicantName(), item.receivedAt(),
				item.possibleDuplicateOf(), item.suggestedDepartment(), item.state(), item.departmentCode(),
				item.instructions(), item.dueDate(), item.markedAt(), item.escalatedAt());
	}

}
