package org.dak.routing.inbox;

import java.util.Objects;
import java.util.Optional;

import org.dak.contracts.DeadlineBreached;
import org.dak.contracts.ItemStatus;
import org.dak.contracts.StatusUpdated;
import org.dak.platform.Refusal;

/**
 * What the DM's desk may decide about an item, and what tracking's word about it changes
 * on the desk: plain rules on the item as read, free of the database, so each can be
 * tried alone. {@link Inbox} reads the item, asks these rules, and writes the outcome in
 * one conditional write.
 */
final class DeskRules {

	private DeskRules() {
	}

	/** Where tracking's word moves an item on the desk. */
	record Move(InboxState state, String departmentCode) {
	}

	/** A copy for information goes to another department than the one marked to. */
	static void mayCopy(String departmentCode, String copyTo) {
		if (copyTo.equals(departmentCode)) {
			throw Refusal.invalid("copy-to-primary", "Copy to the same department",
					copyTo + " is the department the item is marked to; a copy goes to other departments.");
		}
	}

	/**
	 * Refuses to mark the item to the department (or, {@code again}, to re-mark it there)
	 * unless it waits for marking (or, again, is marked to another department) and the
	 * office has not settled it.
	 */
	static void mayMark(InboxItem item, String departmentCode, boolean again) {
		mustBeOpen(item, again ? "re-marked" : "marked");
		if (again && item.state() != InboxState.MARKED) {
			throw Refusal.conflict("not-marked", "Not marked yet", "Item " + item.id()
					+ " is not marked to any department" + standing(item) + ": mark it instead of re-marking.");
		}
		if ((!again && item.state() != InboxState.AWAITING_MARKING)
				|| (again && departmentCode.equals(item.departmentCode()))) {
			throw Refusal.conflict("already-marked", "Already marked",
					"Item " + item.id() + " is already marked to " + item.departmentCode() + ".");
		}
	}

	/** Refuses to recall an item that is not with a department, or that is settled. */
	static void mayRecall(InboxItem item) {
		mustBeOpen(item, "recalled");
		if (item.state() != InboxState.MARKED) {
			throw Refusal.conflict("not-marked", "Not marked", "Item " + item.id() + " is not marked to any department"
					+ standing(item) + ": there is nothing to recall.");
		}
	}

	/** Whether tracking refused a decision of this desk ({@code MARKING_REFUSED}, …). */
	static boolean isRefusal(StatusUpdated event) {
		return event.step() != null && event.step().endsWith("_REFUSED");
	}

	/**
	 * Whether a status speaks of the newest decision of this desk: an older decision's
	 * answer changes nothing, tracking will answer the newer one. Statuses from before
	 * decisions were numbered count when they name the department the item is with.
	 */
	static boolean speaksOfTheNewestDecision(InboxItem item, StatusUpdated event) {
		if (event.markingSequence() == 0) {
			return Objects.equals(item.departmentCode(), event.departmentCode());
		}
		return event.markingSequence() >= item.sequence();
	}

	/**
	 * Where the status puts the item on the desk, if that is somewhere else: back to
	 * marking (returned, recalled, reopened), or with the department it names.
	 */
	static Optional<Move> move(InboxItem item, StatusUpdated event) {
		boolean awaiting = ItemStatus.of(event.status()).map(ItemStatus::waitsForMarking).orElse(false);
		InboxState state = awaiting ? InboxState.AWAITING_MARKING : InboxState.MARKED;
		boolean moved = item.state() != state
				|| (!awaiting && !Objects.equals(item.departmentCode(), event.departmentCode()));
		return moved ? Optional.of(new Move(state, awaiting ? null : event.departmentCode())) : Optional.empty();
	}

	/**
	 * Whether a breach comes to the DM's notice: once per marking, and only for the
	 * marking it is about (a new marking starts afresh).
	 */
	static boolean escalates(InboxItem item, DeadlineBreached event) {
		if (item.escalatedAt() != null) {
			return false;
		}
		return (event.markingSequence() != 0) ? event.markingSequence() == item.sequence()
				: Objects.equals(event.departmentCode(), item.departmentCode());
	}

	private static void mustBeOpen(InboxItem item, String what) {
		if (ItemStatus.of(item.caseStatus()).map(ItemStatus::isSettled).orElse(false)) {
			throw Refusal
				.conflict("item-settled", "Item settled",
						"Item " + item.id() + " is " + item.caseStatus() + " by " + item.departmentCode()
								+ "; it cannot be " + what + ". Only the applicant's appeal reopens it, and it then "
								+ "comes back to this inbox.")
				.with("itemStatus", item.caseStatus());
		}
	}

	private static String standing(InboxItem item) {
		return (item.caseStatus() != null) ? " (it is " + item.caseStatus() + ")" : "";
	}

}
