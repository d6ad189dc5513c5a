package org.dak.contracts;

import java.time.Instant;

/**
 * An item's status changed, as tracking (the one owner of the lifecycle) decided: a
 * department moved it ({@code IN_PROGRESS}, {@code DISPOSED}, {@code RETURNED} to the DM,
 * {@code REJECTED}); the applicant's feedback closed or reopened it; the DM's marking or
 * recall took effect ({@code MARKED}, {@code RECALLED}); or a step on the way
 * (acknowledged, forwarded, action taken, interim reply). When tracking refuses a marking
 * or recall because the lifecycle does not allow it, it says so with the unchanged status
 * and step {@code MARKING_REFUSED} or {@code RECALL_REFUSED}.
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
 * {@code MARKING_REFUSED} or {@code RECALL_REFUSED} for a decision of the DM's desk that
 * the lifecycle did not allow; {@code null} for a plain status change
 * @param officeCode the office below the department the item was forwarded to, or
 * {@code null}
 * @param markingSequence the latest decision of the DM's desk that tracking had applied
 * or refused when this happened ({@link ComplaintRouted#markingSequence()}); {@code 0}
 * from producers before this field
 */
public record StatusUpdated(String eventId, String complaintId, Instant occurredAt, String status,
		String previousStatus, String departmentCode, String note, String updatedBy, String step, String officeCode,
		long markingSequence) {
}
