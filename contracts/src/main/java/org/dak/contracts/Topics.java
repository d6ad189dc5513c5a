package org.dak.contracts;

/**
 * Topic names as constants, for annotations that need compile-time strings.
 */
public final class Topics {

	public static final String COMPLAINT_RECEIVED = "complaint-received";

	public static final String COMPLAINT_ROUTED = "complaint-routed";

	public static final String COMPLAINT_RECALLED = "complaint-recalled";

	public static final String NOTIFICATION_DISPATCHED = "notification-dispatched";

	public static final String DEPARTMENT_CHANGED = "department-changed";

	public static final String STATUS_UPDATED = "status-updated";

	public static final String DEADLINE_NEARED = "deadline-neared";

	public static final String DEADLINE_BREACHED = "deadline-breached";

	public static final String ONE_TIME_CODE_ISSUED = "one-time-code-issued";

	public static final String SETTINGS_CHANGED = "settings-changed";

	private Topics() {
	}

}
