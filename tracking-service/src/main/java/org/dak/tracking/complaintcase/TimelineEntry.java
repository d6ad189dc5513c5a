package org.dak.tracking.complaintcase;

import org.dak.contracts.ItemStatus;

import java.time.Instant;
import java.util.List;

/**
 * One step in an item's life.
 *
 * @param eventId the event it came from (the timeline holds each event once)
 * @param at when it happened
 * @param status the status it led to
 * @param departmentCode the department concerned, if any
 * @param actor who did it
 * @param note the note, instructions, reason or action taken; internal unless the status
 * is {@code DISPOSED} or {@code REJECTED}, or the step an interim reply
 * @param step the department's working step ({@code ACKNOWLEDGED}, {@code FORWARDED},
 * {@code ACTION_TAKEN}, {@code INTERIM_REPLY}), {@code RECALLED} or {@code COPY} for what
 * the DM did, {@code MARKING_REFUSED} or {@code RECALL_REFUSED} for a decision of the
 * DM's desk the lifecycle did not allow, or {@code null}
 * @param officeCode the office it was forwarded to, if it was
 * @param evidence files posted with the action taken
 */
public record TimelineEntry(String eventId, Instant at, ItemStatus status, String departmentCode, String actor,
		String note, String step, String officeCode, List<Evidence> evidence) {

	/**
	 * The step of an entry that notes a due date moved by a change of the office's
	 * calendar.
	 */
	public static final String DEADLINE_MOVED = "DEADLINE_MOVED";

	public TimelineEntry {
		evidence = (evidence != null) ? List.copyOf(evidence) : List.of();
	}

	TimelineEntry(String eventId, Instant at, ItemStatus status, String departmentCode, String actor, String note) {
		this(eventId, at, status, departmentCode, actor, note, null, null, List.of());
	}

	/**
	 * Whether this entry records a decision of the DM's desk that the lifecycle refused:
	 * for staff, not for the public.
	 */
	public boolean isRefusedDecision() {
		return "MARKING_REFUSED".equals(this.step) || "RECALL_REFUSED".equals(this.step);
	}

	/**
	 * A file kept as evidence of action taken.
	 *
	 * @param id its ID, for download
	 * @param filename its name
	 * @param mediaType the type its content shows
	 * @param size bytes
	 */
	public record Evidence(String id, String filename, String mediaType, long size) {
	}

}
