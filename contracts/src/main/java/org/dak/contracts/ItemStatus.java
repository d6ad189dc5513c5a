package org.dak.contracts;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The lifecycle of an item, and the one place that says what each status means: which
 * moves are legal, whether the item is still open, whether the office has settled it.
 * Tracking owns every item's status and announces it on {@code status-updated}
 * ({@link StatusUpdated#status()}); every other service reads that status through this
 * type, never through lists of its own.
 * <p>
 * {@code RECEIVED → MARKED → IN_PROGRESS → DISPOSED → CLOSED}; a department may send an
 * item back ({@code RETURNED}) or reject it ({@code REJECTED}, reason required); an
 * applicant may appeal a disposal or rejection ({@code REOPENED}), which goes back to the
 * DM; the DM may take a marked item back ({@code RECALLED}). A department's working steps
 * (acknowledge, forward, action taken, interim reply) keep or make it
 * {@code IN_PROGRESS}.
 */
public enum ItemStatus {

	RECEIVED("Received", "प्राप्त"),

	MARKED("Marked to department", "विभाग को चिह्नित"),

	IN_PROGRESS("In progress", "कार्यवाही जारी"),

	DISPOSED("Disposed", "निष्पादित"),

	RETURNED("Returned to the DM", "जिलाधिकारी को वापस"),

	RECALLED("Recalled by the DM", "जिलाधिकारी द्वारा वापस लिया गया"),

	REJECTED("Rejected", "अस्वीकृत"),

	REOPENED("Reopened on appeal", "अपील पर पुनः खोला गया"),

	CLOSED("Closed", "बंद");

	private static final Map<ItemStatus, Set<ItemStatus>> MOVES = Map.of(RECEIVED, EnumSet.of(MARKED, REJECTED), MARKED,
			EnumSet.of(MARKED, IN_PROGRESS, DISPOSED, RETURNED, RECALLED, REJECTED), IN_PROGRESS,
			EnumSet.of(MARKED, DISPOSED, RETURNED, RECALLED, REJECTED), RETURNED, EnumSet.of(MARKED, REJECTED),
			RECALLED, EnumSet.of(MARKED, REJECTED), DISPOSED, EnumSet.of(CLOSED, REOPENED), REJECTED,
			EnumSet.of(REOPENED, CLOSED), REOPENED, EnumSet.of(MARKED, REJECTED), CLOSED,
			EnumSet.noneOf(ItemStatus.class));

	private final String english;

	private final String hindi;

	ItemStatus(String english, String hindi) {
		this.english = english;
		this.hindi = hindi;
	}

	/**
	 * The status of that name, or empty for none or one this version does not know (a
	 * newer producer's).
	 */
	public static Optional<ItemStatus> of(String name) {
		return Arrays.stream(values()).filter((status) -> status.name().equals(name)).findFirst();
	}

	/** Every status in which the item is still open. */
	public static Set<ItemStatus> open() {
		EnumSet<ItemStatus> open = EnumSet.noneOf(ItemStatus.class);
		Arrays.stream(values()).filter(ItemStatus::isOpen).forEach(open::add);
		return open;
	}

	public boolean canMoveTo(ItemStatus next) {
		return MOVES.get(this).contains(next);
	}

	public Set<ItemStatus> nextStatuses() {
		return MOVES.get(this);
	}

	/**
	 * Settled: the department has answered it (disposed of or rejected) or it is closed.
	 * The office has nothing more to decide and its deadline no longer runs, unless the
	 * applicant appeals.
	 */
	public boolean isSettled() {
		return this == DISPOSED || this == REJECTED || this == CLOSED;
	}

	/** Open: not settled; it counts in the pendency and its deadline runs. */
	public boolean isOpen() {
		return !isSettled();
	}

	/** Back on the DM's desk, waiting to be marked (again). */
	public boolean waitsForMarking() {
		return this == RECEIVED || this == RETURNED || this == RECALLED || this == REOPENED;
	}

	public String english() {
		return this.english;
	}

	public String hindi() {
		return this.hindi;
	}

}
