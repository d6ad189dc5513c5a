package org.dak.contracts;

import java.time.Instant;

/**
 * A department changed an item's status: {@code IN_PROGRESS}, {@code DISPOSED},
 * {@code RETURNED} (sent back to the DM) or {@code REJECTED}; or the applicant's feedback
 * closed or reopened it; or a working step on the way (acknowledged, forwarded, action
 * taken, interim reply).
 *
 * @param eventId unique ID of this event; consumers de-duplicate on it
 * @param complaintId the complaint's ID (its receipt number)
 * @param occurredAt when the status changed
 * @param status the new status
 * @param previousStatus the status before
 * @param departmentCode the department the item is marked to
 * @param note the action taken or the reason, or {@code null}
 * @param updatedBy who posted it
 * @param step the department's working step, when the update was one:
 * {@code ACKNOWLEDGED}, {@code FORWARDED}, {@code ACTION_TAKEN} or {@code INTERIM_REPLY};
 * {@code null} for a plain status change
 * @param officeCode the office below the department the item was forwarded to, or
 * {@code null}
 */
public record StatusUpdated(String eventId, String complaintId, Instant occurredAt, String status,
		String previousStatus, String departmentCode, String note, String updatedBy, String step, String officeCode) {
}
