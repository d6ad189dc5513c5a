package org.dak.tracking.timeline;

import java.time.Instant;

/**
 * One step in an item's life.
 *
 * @param eventId the event it came from (the timeline holds each event once)
 * @param at when it happened
 * @param status the status it led to
 * @param departmentCode the department concerned, if any
 * @param actor who did it
 * @param note the note, instructions, reason or action taken; internal unless the status
 * is {@code DISPOSED} or {@code REJECTED}
 */
public record TimelineEntry(String eventId, Instant at, CaseStatus status, String departmentCode, String actor,
		String note) {
}
