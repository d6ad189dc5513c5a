package org.dak.gateway.apidocs;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.dak.contracts.Topic;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The topics in AsyncAPI 3: each topic's key, its CloudEvents headers (Kafka binary mode)
 * and the JSON Schema of its event, made from the event records in {@code contracts}
 * themselves, so the document cannot drift from what is sent. Fields are only ever added,
 * so every schema allows properties it does not name.
 */
final class TopicsDocument {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	/** Who sends and who reads each topic, and what its key is. */
	private static final Map<Topic, String[]> ROLES = Map.of(Topic.COMPLAINT_RECEIVED,
			new String[] { "intake", "routing, tracking, notification", "the complaint ID" }, Topic.COMPLAINT_ROUTED,
			new String[] { "routing", "tracking, notification, intake", "the complaint ID" }, Topic.COMPLAINT_RECALLED,
			new String[] { "routing", "tracking", "the complaint ID" }, Topic.STATUS_UPDATED,
			new String[] { "tracking", "routing, notification, intake", "the complaint ID" }, Topic.DEADLINE_NEARED,
			new String[] { "tracking", "notification", "the complaint ID" }, Topic.DEADLINE_BREACHED,
			new String[] { "tracking", "routing, notification", "the complaint ID" }, Topic.NOTIFICATION_DISPATCHED,
			new String[] { "notification", "tracking", "the complaint ID" }, Topic.DEPARTMENT_CHANGED,
			new String[] { "routing", "tracking, notification", "the department code" }, Topic.ONE_TIME_CODE_ISSUED,
			new String[] { "tracking", "notification", "the complaint ID" }, Topic.SETTINGS_CHANGED,
			new String[] { "tracking",
					"every instance of every service, each from the start of the topic (one partition, compacted)",
					"the settings section" });

	private TopicsDocument() {
	}

	static ObjectNode build(String version) {
		ObjectNode document = NODES.objectNode();
		document.put("asyncapi", "3.0.0");
		ObjectNode info = document.putObject("info");
		info.put("title", "Dak Tracking System events");
		info.put("version", version);
		info.put("description", """
				The events the services publish on Kafka. Each record is a CloudEvent 1.0 in \
				Kafka binary mode: the `ce_*` headers carry its ID, type, source, time and \
				subject, the body is the event as plain JSON. Keys keep one item's (or one \
				department's) events in order on one partition. Consumers de-duplicate on \
				`ce_id` (the same as the body's `eventId`) and ignore fields they do not know: \
				fields are only ever added. A record a consumer cannot handle goes to \
				`<topic>-dlt` with its reason in the `kafka_dlt-*` headers.""");
		info.putObject("license").put("name", "Apache-2.0");
		document.put("defaultContentType", "application/json");
		document.putObject("servers")
			.putObject("local")
			.put("host", "localhost:9092")
			.put("protocol", "kafka")
			.put("description", "the local stack's broker (KAFKA_BOOTSTRAP_SERVERS on a server)");
		ObjectNode channels = document.putObject("channels");
		ObjectNode operations = document.putObject("operations");
		ObjectNode components = document.putObject("components");
		ObjectNode messages = components.putObject("messages");
		ObjectNode schemas = components.putObject("schemas");
		for (Topic topic : Topic.values()) {
			String name = topic.eventClass().getSimpleName();
			String channelId = lowerFirst(name);
			String[] roles = ROLES.get(topic);
			ObjectNode channel = channels.putObject(channelId);
			channel.put("address", topic.topicName());
			channel.put("description", "Sent by " + roles[0] + "; read by " + roles[1] + ". Key: " + roles[2] + ".");
			channel.putObject("messages").putObject(channelId).put("$ref", "#/components/messages/" + name);
			ObjectNode operation = operations.putObject("send" + name);
			operation.put("action", "send");
			operation.putObject("channel").put("$ref", "#/channels/" + channelId);
			operation.put("summary", roles[0] + " publishes " + topic.eventType());
			operation.putArray("messages")
				.addObject()
				.put("$ref", "#/channels/" + channelId + "/messages/" + channelId);
			ObjectNode message = messages.putObject(name);
			message.put("name", name);
			message.put("title", topic.eventType());
			message.put("contentType", "application/json");
			message.set("headers", headers(topic, roles[0]));
			message.putObject("payload").put("$ref", "#/components/schemas/" + name);
			message.putObject("bindings")
				.putObject("kafka")
				.put("bindingVersion", "0.5.0")
				.putObject("key")
				.put("type", "string")
				.put("description", roles[2]);
			addSchema(schemas, topic.eventClass());
		}
		return document;
	}

	private static ObjectNode headers(Topic topic, String producer) {
		ObjectNode headers = NODES.objectNode();
		headers.put("type", "object");
		ObjectNode properties = headers.putObject("properties");
		properties.putObject("ce_specversion").put("type", "string").put("const", "1.0");
		properties.putObject("ce_id")
			.put("type", "string")
			.put("description", "the event ID, the same as the body's eventId; consumers de-duplicate on it");
		properties.putObject("ce_type").put("type", "string").put("const", topic.eventType());
		properties.putObject("ce_source").put("type", "string").put("const", "/dak/" + producer + "-service");
		properties.putObject("ce_time").put("type", "string").put("format", "date-time");
		properties.putObject("ce_subject").put("type", "string").put("description", "the key: what the event is about");
		properties.putObject("content-type").put("type", "string").put("const", "application/json");
		headers.putArray("required").add("ce_specversion").add("ce_id").add("ce_type").add("ce_source");
		return headers;
	}

	private static void addSchema(ObjectNode schemas, Class<?> type) {
		if (schemas.has(type.getSimpleName())) {
			return;
		}
		ObjectNode schema = schemas.putObject(type.getSimpleName());
		schema.put("type", "object");
		ObjectNode properties = schema.putObject("properties");
		for (RecordComponent component : type.getRecordComponents()) {
			properties.set(component.getName(), schemaOf(schemas, component.getGenericType()));
		}
		if (Arrays.stream(Topic.values()).anyMatch((topic) -> topic.eventClass() == type)) {
			schema.putArray("required").add("eventId").add("occurredAt");
		}
		schema.put("additionalProperties", true);
	}

	private static ObjectNode schemaOf(ObjectNode schemas, Type type) {
		ObjectNode schema = NODES.objectNode();
		if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
			schema.put("type", "array");
			schema.set("items", schemaOf(schemas, list.getActualTypeArguments()[0]));
			return schema;
		}
		Class<?> raw = (Class<?>) type;
		if (raw == String.class) {
			schema.putArray("type").add("string").add("null");
		}
		else if (raw == Instant.class) {
			schema.putArray("type").add("string").add("null");
			schema.put("format", "date-time");
		}
		else if (raw == LocalDate.class) {
			schema.putArray("type").add("string").add("null");
			schema.put("format", "date");
		}
		else if (raw == long.class || raw == int.class) {
			schema.put("type", "integer");
		}
		else if (raw == Long.class || raw == Integer.class) {
			schema.putArray("type").add("integer").add("null");
		}
		else if (raw == double.class || raw == Double.class) {
			schema.putArray("type").add("number").add("null");
		}
		else if (raw == boolean.class || raw == Boolean.class) {
			schema.putArray("type").add("boolean").add("null");
		}
		else if (raw.isEnum()) {
			schema.put("type", "string");
			ArrayNode names = schema.putArray("enum");
			Arrays.stream(raw.getEnumConstants()).forEach((constant) -> names.add(((Enum<?>) constant).name()));
		}
		else if (raw.isRecord()) {
			addSchema(schemas, raw);
			schema.put("$ref", "#/components/schemas/" + raw.getSimpleName());
		}
		else {
			throw new IllegalStateException("No JSON Schema for " + raw + ": add it here before it goes on a topic");
		}
		return schema;
	}

	private static String lowerFirst(String word) {
		return Character.toLowerCase(word.charAt(0)) + word.substring(1);
	}

}
