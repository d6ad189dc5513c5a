package org.dak.contracts;

import java.util.Arrays;

/**
 * The Kafka topics, the CloudEvents {@code type} of what travels on each, and the record
 * that is its body. Every topic has a dead-letter topic {@code <name>-dlt} with the same
 * number of partitions. Records are keyed by complaint ID, so one complaint's events stay
 * in order ({@code department-changed} by department code, {@code settings-changed} by
 * section).
 */
public enum Topic {

	COMPLAINT_RECEIVED("complaint-received", "org.dak.complaint.received", ComplaintReceived.class),

	COMPLAINT_ROUTED("complaint-routed", "org.dak.complaint.routed", ComplaintRouted.class),

	COMPLAINT_RECALLED("complaint-recalled", "org.dak.complaint.recalled", ComplaintRecalled.class),

	STATUS_UPDATED("status-updated", "org.dak.complaint.status-updated", StatusUpdated.class),

	DEADLINE_NEARED("deadline-neared", "org.dak.complaint.deadline-neared", DeadlineNeared.class),

	DEADLINE_BREACHED("deadline-breached", "org.dak.complaint.deadline-breached", DeadlineBreached.class),

	NOTIFICATION_DISPATCHED("notification-dispatched", "org.dak.notification.dispatched", NotificationDispatched.class),

	DEPARTMENT_CHANGED("department-changed", "org.dak.department.changed", DepartmentChanged.class),

	ONE_TIME_CODE_ISSUED("one-time-code-issued", "org.dak.complaint.one-time-code-issued", OneTimeCodeIssued.class),

	SETTINGS_CHANGED("settings-changed", "org.dak.settings.changed", SettingsChanged.class);

	private final String topicName;

	private final String eventType;

	private final Class<? extends Record> eventClass;

	Topic(String topicName, String eventType, Class<? extends Record> eventClass) {
		this.topicName = topicName;
		this.eventType = eventType;
		this.eventClass = eventClass;
	}

	/** The topic's name on the broker, e.g. {@code complaint-received}. */
	public String topicName() {
		return this.topicName;
	}

	/** The name of the dead-letter topic, e.g. {@code complaint-received-dlt}. */
	public String deadLetterTopicName() {
		return this.topicName + "-dlt";
	}

	/** The CloudEvents {@code type} of the events on this topic. */
	public String eventType() {
		return this.eventType;
	}

	/** The record that is the JSON body of each event on this topic. */
	public Class<? extends Record> eventClass() {
		return this.eventClass;
	}

	/**
	 * Whether the records are keyed by the item they are about (else by a department or a
	 * settings section).
	 */
	public boolean isKeyedByItem() {
		return this != DEPARTMENT_CHANGED && this != SETTINGS_CHANGED;
	}

	/**
	 * Whether the broker keeps the latest record of each key for ever (a compacted
	 * topic): the settings, which a service starting years after a change must still
	 * find.
	 */
	public boolean keepsTheLatestOfEachKey() {
		return this == SETTINGS_CHANGED;
	}

	/** The topic of the given name, e.g. {@code complaint-received}. */
	public static Topic named(String topicName) {
		return Arrays.stream(values())
			.filter((topic) -> topic.topicName.equals(topicName))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Not a Dak topic: " + topicName));
	}

	/** The topic that carries events of the given record class. */
	public static Topic carrying(Class<?> eventClass) {
		return Arrays.stream(values())
			.filter((topic) -> topic.eventClass.equals(eventClass))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Not a Dak event: " + eventClass.getName()));
	}

}
