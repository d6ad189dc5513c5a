package org.dak.operator;

import java.time.Instant;

/**
 * An event a service set aside on a dead-letter topic after every retry failed.
 *
 * @param deadLetterTopic where it waits ({@code <topic>-dlt})
 * @param partition its partition there
 * @param offset its offset there
 * @param topic the topic it came from, where a replay sends it
 * @param key its key: the complaint's receipt number (a department's code on
 * {@code department-changed})
 * @param eventId its CloudEvents ID, by which the services ignore a second copy
 * @param eventType its CloudEvents type
 * @param failedAt when it was set aside
 * @param reason the last failure, as the service reported it
 */
record DeadLetter(String deadLetterTopic, int partition, long offset, String topic, String key, String eventId,
		String eventType, Instant failedAt, String reason) {

	static final String SUFFIX = "-dlt";

	/** The topic a dead-letter topic's records came from. */
	static String origin(String deadLetterTopic) {
		return deadLetterTopic.substring(0, deadLetterTopic.length() - SUFFIX.length());
	}

}
