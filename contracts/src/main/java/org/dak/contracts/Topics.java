package org.dak.contracts;

/**
 * Topic names as constants, for annotations that need compile-time strings.
 */
public final class Topics {

	public static final String COMPLAINT_RECEIVED = "complaint-received";

	public static final String COMPLAINT_ROUTED = "complaint-routed";

	public static final String STATUS_UPDATED = "status-updated";

	private Topics() {
	}

}
