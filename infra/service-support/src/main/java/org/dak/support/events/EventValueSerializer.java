package org.dak.support.events;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes record values: bytes as they are (an outbox payload, or a poison record's
 * original bytes on its way to the dead-letter topic), text as UTF-8, and an event record
 * as its JSON.
 */
public class EventValueSerializer implements Serializer<Object> {

	@Override
	public byte[] serialize(String topic, Object data) {
		if (data == null) {
			return null;
		}
		if (data instanceof byte[] bytes) {
			return bytes;
		}
		if (data instanceof String text) {
			return text.getBytes(StandardCharsets.UTF_8);
		}
		return EventJson.write(data).getBytes(StandardCharsets.UTF_8);
	}

}
