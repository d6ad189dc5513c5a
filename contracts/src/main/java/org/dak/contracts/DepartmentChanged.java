package org.dak.contracts;

import java.time.Instant;
import java.util.List;

/**
 * A department was created or changed in the master data (keyed by its code). Each event
 * carries the whole department, so the latest one is all a reader needs.
 *
 * @param eventId unique ID of this event; consumers de-duplicate on it
 * @param departmentCode the department's code, e.g. {@code SUPPLY}
 * @param occurredAt when it changed
 * @param name English name
 * @param nameHi Hindi name
 * @param officer the office head
 * @param offices the offices below it
 */
public record DepartmentChanged(String eventId, String departmentCode, Instant occurredAt, String name, String nameHi,
		Officer officer, List<Office> offices) {
}
