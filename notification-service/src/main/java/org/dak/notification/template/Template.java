package org.dak.notification.template;

import java.util.Locale;
import java.util.Set;

/**
 * Every message the system sends, with its audience and the placeholders the code fills
 * in. The configuration ({@code dak.notification.templates}) must have each, and may use
 * only these placeholders.
 */
public enum Template {

	RECEIVED(Audience.APPLICANT, "name", "receiptNumber", "subject", "trackingUrl", "office"),

	MARKED(Audience.APPLICANT, "name", "receiptNumber", "department", "trackingUrl", "office"),

	STATUS_IN_PROGRESS(Audience.APPLICANT, "name", "receiptNumber", "trackingUrl", "office"),

	STATUS_INTERIM_REPLY(Audience.APPLICANT, "name", "receiptNumber", "note", "trackingUrl", "office"),

	STATUS_DISPOSED(Audience.APPLICANT, "name", "receiptNumber", "note", "trackingUrl", "office"),

	STATUS_REJECTED(Audience.APPLICANT, "name", "receiptNumber", "note", "trackingUrl", "office"),

	OFFICER_MARKED(Audience.OFFICER, "receiptNumber", "subject", "department", "instructions", "dueDate", "office"),

	DEADLINE_REMINDER(Audience.OFFICER, "receiptNumber", "department", "dueDate", "percent", "daysLeft", "office"),

	DEADLINE_ESCALATION(Audience.DM, "receiptNumber", "department", "dueDate", "status", "office"),

	OFFICER_DIGEST(Audience.OFFICER, "department", "date", "items", "office"),

	ONE_TIME_CODE(Audience.APPLICANT, "receiptNumber", "code", "minutes", "office");

	/** Who a message is for. */
	public enum Audience {

		APPLICANT, OFFICER, DM

	}

	private final Audience audience;

	private final Set<String> placeholders;

	Template(Audience audience, String... placeholders) {
		this.audience = audience;
		this.placeholders = Set.of(placeholders);
	}

	public Audience audience() {
		return this.audience;
	}

	public Set<String> placeholders() {
		return this.placeholders;
	}

	/** The template of that name, e.g. {@code status-disposed}. */
	public static Template ofKey(String key) {
		return valueOf(key.toUpperCase(Locale.ROOT).replace('-', '_'));
	}

	/** Its name in configuration, logs and metrics, e.g. {@code status-disposed}. */
	public String key() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
