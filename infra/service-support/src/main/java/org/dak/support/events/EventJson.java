package org.dak.support.events;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON form of event bodies, used to write them into the outbox and to read them
 * from Kafka. Unknown fields are ignored because producers may add fields before
 * consumers know them, and a number a producer did not send yet (a field added later)
 * reads as {@code 0}; dates are ISO-8601 strings.
 */
public final class EventJson {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private EventJson() {
	}

	public static String write(Object event) {
		return MAPPER.writeValueAsString(event);
	}

	public static <T> T read(byte[] json, Class<T> type) {
		return MAPPER.readValue(json, type);
	}

	public static <T> T read(String json, Class<T> type) {
		return MAPPER.readValue(json, type);
	}

}
