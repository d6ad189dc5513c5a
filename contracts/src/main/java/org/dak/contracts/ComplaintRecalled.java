package org.dak.contracts;

import java.time.Instant;

/**
 * The DM took an item back from the department it was marked to: it waits for marking
 * again, and that department no longer sees it.
 *
 * @param eventId unique ID of this event; consumers de-duplicate on it
 * @param complaintId the complaint's ID (its receipt number)
 * @param occurredAt when it was recalled
 * @param departmentCode the department it was taken from
 * @param reason why
 * @param recalledBy who recalled it
 * @param markingSequence the number of this decision of the DM's desk on the item, as in
 * {@link ComplaintRouted#markingSequence()}
 */
public record ComplaintRecalled(String eventId, String complaintId, Instant occurredAt, String departmentCode,
		String reason, String recalledBy, long markingSequence) {
}
