package org.dak.routing.inbox;

/**
 * Where an item stands on the DM's desk.
 */
enum InboxState {

	/** Received (or returned by a department) and not yet marked. */
	AWAITING_MARKING,

	/** Marked to a department. */
	MARKED

}
