package org.dak.tracking.settings;

import java.time.Instant;
import java.util.List;

import org.dak.contracts.WorkingCalendar;
import org.dak.support.events.OutboxEvent;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One version of a section of the office's settings, as the administrator made it (or as
 * installed from the configuration files, version 1), with the event announcing it.
 * Inserted once under {@code <section>:<version>} and never changed but for its outbox:
 * the unique ID is the version check.
 *
 * @param id {@code <section>:<version>}, e.g. {@code calendar:4}
 * @param section the section
 * @param version its version
 * @param calendar the working calendar, for the calendar section
 * @param changedBy who (user name), {@code installation} for version 1
 * @param changedAt when
 * @param reason why, in the administrator's words
 * @param summary what changed, in a line
 * @param requestId the request that made it, as on the audit trail
 * @param outbox the {@code settings-changed} event
 */
@Document(SettingsVersion.COLLECTION)
@CompoundIndex(name = "section_version", def = "{'section': 1, 'version': -1}")
record SettingsVersion(@Id String id, String section, long version, WorkingCalendar calendar, String changedBy,
		Instant changedAt, String reason, String summary, String requestId, List<OutboxEvent> outbox) {

	static final String COLLECTION = "office_settings";

	static String idOf(String section, long version) {
		return section + ":" + version;
	}

}
