package org.dak.contracts;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An item passed its deadline without disposal: escalated to the DM. Announced once per
 * item and deadline.
 *
 * @param eventId unique ID of this event; consumers de-duplicate on it
 * @param complaintId the complaint's ID (its receipt number)
 * @param occurredAt when the breach was noticed
 * @param departmentCode the department it is marked to
 * @param dueDate the deadline that passed
 * @param status the item's status at the time
 * @param markingSequence the marking whose deadline passed
 * ({@link ComplaintRouted#markingSequence()}); {@code 0} from producers before this field
 */
public record DeadlineBreached(String eventId, String complaintId, Instant occurredAt, String departmentCode,
		LocalDate dueDate, String status, long markingSequence) {
}
