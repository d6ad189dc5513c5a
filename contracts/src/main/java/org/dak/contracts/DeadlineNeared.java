package org.dak.contracts;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An item neared its deadline: a reminder point (e.g. 50% or 80% of its working days) has
 * passed without disposal.
 *
 * @param eventId unique ID of this event; consumers de-duplicate on it
 * @param complaintId the complaint's ID (its receipt number)
 * @param occurredAt when the reminder point was noticed
 * @param departmentCode the department it is marked to
 * @param dueDate the deadline
 * @param percentElapsed the reminder point, in percent of the working days allowed
 * @param workingDaysLeft working days left to the deadline
 */
public record DeadlineNeared(String eventId, String complaintId, Instant occurredAt, String departmentCode,
		LocalDate dueDate, int percentElapsed, int workingDaysLeft) {
}
