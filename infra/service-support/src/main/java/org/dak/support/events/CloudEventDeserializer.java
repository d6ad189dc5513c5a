package org.dak.support.events;

import java.lang.reflect.RecordComponent;

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

	/**
	 * Every event starts with its ID and its key (the complaint ID, or the department
	 * code for department events); a body without them cannot be handled once and in
	 * order.
	 */
	private static void requireIdentity(Object event) {
		try {
			RecordComponent[] components = event.getClass().getRecordComponents();
			Object eventId = components[0].getAccessor().invoke(event);
			Object key = components[1].getAccessor().invoke(event);
			if (eventId == null || key == null) {
				throw new IllegalArgumentException(
						"Event without " + components[0].getName() + " or " + components[1].getName() + ": " + event);
			}
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
