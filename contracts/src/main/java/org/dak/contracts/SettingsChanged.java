package org.dak.contracts;

import java.time.Instant;

/**
 * A section of the office's settings changed at the admin desk, or was installed from the
 * configuration files on a new installation (version 1). Keyed by the section. Each event
 * carries the section's whole new value, so the latest one of a section is all a reader
 * needs; the topic is compacted, so it keeps that one for ever.
 *
 * @param eventId unique ID of this event; consumers de-duplicate on it
 * @param section which settings: {@value #CALENDAR}
 * @param occurredAt when the change was made
 * @param version the section's version after the change: 1 as installed, one more for
 * each change; a reader keeps the highest it has seen
 * @param changedBy who made it (the administrator's user name, or {@code installation})
 * @param reason why, as the administrator wrote it
 * @param summary what changed, in a line, e.g.
 * {@code holiday added: 2027-01-26 Republic Day}
 * @param calendar the working calendar in force from now on, when the section is
 * {@value #CALENDAR}
 */
public record SettingsChanged(String eventId, String section, Instant occurredAt, long version, String changedBy,
		String reason, String summary, WorkingCalendar calendar) {

	/** The working week and the public holidays. */
	public static final String CALENDAR = "calendar";

}
