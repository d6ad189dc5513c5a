package org.dak.tracking.complaintcase;

import org.dak.contracts.ItemStatus;

import java.time.Instant;

/**
 * What the dashboards count of one case.
 *
 * @param status its status
 * @param channel the channel it came by
 * @param departmentCode the department it is marked to, if any
 * @param receivedAt when it was received
 * @param firstDisposedAt when it was first disposed, if it was
 */
public record CaseFacts(ItemStatus status, String channel, String departmentCode, Instant receivedAt,
		Instant firstDisposedAt) {

	/** Whether the dashboards count it: an item received, with a status. */
	public boolean counts() {
		return this.status != null && this.receivedAt != null;
	}

}
