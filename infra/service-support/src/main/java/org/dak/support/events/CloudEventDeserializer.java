package org.dak.support.events;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.dak.contracts.Topic;

/**
 * Reads the JSON body of a record into the contract record of its topic. A body that is
 * not valid JSON, or lacks the event ID or complaint ID, fails here; wrapped in Spring
 * Kafka's {@code ErrorHandlingDeserializer} the failure sends the record to the
 * dead-letter topic instead of blocking the partition.
 */
public class CloudEventDeserializer implements Deserializer<Object> {

	@Override
	public Object deserialize(String topic, byte[] data) {
		Class<? extends Record> type = Topic.named(topic).eventClass();
		Object event = EventJson.read(data, type);
		requireIdentity(event);
		return event;
	}

	@Override
	public Object deserialize(String topic, Headers headers, byte[] data) {
		return deserialize(topic, data);
	}

	private static void requireIdentity(Object event) {
		try {
			Object eventId = event.getClass().getMethod("eventId").invoke(event);
			Object complaintId = event.getClass().getMethod("complaintId").invoke(event);
			if (eventId == null || complaintId == null) {
				throw new IllegalArgumentException("Event without eventId or complaintId: " + event);
			}
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
