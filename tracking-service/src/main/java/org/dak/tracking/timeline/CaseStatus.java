package org.dak.tracking.timeline;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The lifecycle of an item, and the one place that says which move is legal.
 * {@code RECEIVED → MARKED → IN_PROGRESS → DISPOSED → CLOSED}; a department may send an
 * item back ({@code RETURNED}) or reject it ({@code REJECTED}, reason required); an
 * applicant may appeal a disposal or rejection ({@code REOPENED}), which goes back to the
 * DM; the DM may take a marked item back ({@code RECALLED}). A department's working steps
 * (acknowledge, forward, action taken, interim reply) keep or make it
 * {@code IN_PROGRESS}.
 */
public enum CaseStatus {

	RECEIVED("Received", "प्राप्त"),

	MARKED("Marked to department", "विभाग को चिह्नित"),

	IN_PROGRESS("In progress", "कार्यवाही जारी"),

	DISPOSED("Disposed", "निष्पादित"),

	RETURNED("Returned to the DM", "जिलाधिकारी को वापस"),

	RECALLED("Recalled by the DM", "जिलाधिकारी द्वारा वापस लिया गया"),

	REJECTED("Rejected", "अस्वीकृत"),

	REOPENED("Reopened on appeal", "अपील पर पुनः खोला गया"),

	CLOSED("Closed", "बंद");

	private static final Map<CaseStatus, Set<CaseStatus>> MOVES = Map.of(RECEIVED, EnumSet.of(MARKED, REJECTED), MARKED,
			EnumSet.of(MARKED, IN_PROGRESS, DISPOSED, RETURNED, RECALLED, REJECTED), IN_PROGRESS,
			EnumSet.of(MARKED, DISPOSED, RETURNED, RECALLED, REJECTED), RETURNED, EnumSet.of(MARKED, REJECTED),
			RECALLED, EnumSet.of(MARKED, REJECTED), DISPOSED, EnumSet.of(CLOSED, REOPENED), REJECTED,
			EnumSet.of(REOPENED, CLOSED), REOPENED, EnumSet.of(MARKED, REJECTED), CLOSED,
			EnumSet.noneOf(CaseStatus.class));

	/** What a department may post. */
	static final Set<CaseStatus> DEPARTMENT_MOVES = EnumSet.of(IN_PROGRESS, DISPOSED, RETURNED, REJECTED);

	/** Moves that need a note: the reason or the action taken. */
	static final Set<CaseStatus> NOTE_REQUIRED = EnumSet.of(DISPOSED, RETURNED, REJECTED);

	private final String english;

	private final String hindi;

	CaseStatus(String english, String hindi) {
		this.english = english;
		this.hindi = hindi;
	}

	public boolean canMoveTo(CaseStatus next) {
		return MOVES.get(this).contains(next);
	}

	public Set<CaseStatus> nextStatuses() {
		return MOVES.get(this);
	}

	public String english() {
		return this.english;
	}

	public String hindi() {
		return this.hindi;
	}

}
