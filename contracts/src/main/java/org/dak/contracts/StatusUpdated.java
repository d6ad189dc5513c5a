package org.dak.contracts;

import java.time.Instant;

/**
 * A department changed an item's status: {@code IN_PROGRESS}, {@code DISPOSED},
 * {@code RETURNED} (sent back to the DM) or {@code REJECTED}.
 *
 * @param eventId unique ID of this event; consumers de-duplicate on it
 * @param complaintId the complaint's ID (its receipt number)
 * @param occurredAt when the status changed
 * @param status the new status
 * @param previousStatus the status before
 * @param departmentCode the department the item is marked to
 * @param note the action taken or the reason, or {@code null}
 * @param updatedBy who posted it
 */
public record StatusUpdated(String eventId, String complaintId, Instant occurredAt, String status,
		String previousStatus, String departmentCode, String note, String updatedBy) {
}
