package org.dak.gateway.apidocs;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.dak.gateway.security.AccessTable;
import org.dak.platform.Roles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

import org.springframework.http.HttpMethod;

/**
 * The whole system's REST API as one OpenAPI 3.1 document: the gateway's own and every
 * service's, as each describes itself, kept to what the gateway lets through and told who
 * may call each operation (the gateway's access table, the same rule the security chain
 * applies). Schemas two services name alike but describe differently are renamed after
 * their service; operation IDs are made unique the same way.
 */
final class SystemApiDocument {

	static final String BEARER = "bearer";

	static final String ADAPTER_KEY = "adapterKey";

	static final String OPEN311_KEY = "open311ApiKey";

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");

	/** Pages' scripts and styles, and the gateway's internal forwards: not an API. */
	private static final Pattern NOT_API = Pattern.compile(".*\\.(js|css)$|^/fallback/.*|^/v3/.*");

	private static final String REF_PREFIX = "#/components/schemas/";

	private final ObjectNode document = NODES.objectNode();

	private final ObjectNode paths;

	private final ObjectNode schemas;

	private final Set<String> operationIds = new HashSet<>();

	private final List<String> missing = new ArrayList<>();

	SystemApiDocument(String version) {
		this.document.put("openapi", "3.1.0");
		ObjectNode info = this.document.putObject("info");
		info.put("title", "Dak Tracking System API");
		info.put("version", version);
		info.put("description", """
				Every REST operation of the Dak Tracking System, as the gateway serves it. \
				Staff sign in with `POST /api/v1/auth/login` and send the access token as \
				`Authorization: Bearer …`; channel adapters send their key as `X-Api-Key`; \
				public operations need neither. Each operation says who may call it \
				(`x-dak-access`); the services also apply their object-level rules (an officer \
				sees only their own department's items). Errors are problem documents \
				(RFC 9457, `application/problem+json`), except on the Open311 paths, which \
				answer with the GeoReport v2 list of `code` and `description`. The events on \
				the topics are described in AsyncAPI at `/api/v1/asyncapi.json`.""");
		info.putObject("license").put("name", "Apache-2.0").put("identifier", "Apache-2.0");
		this.document.putArray("servers").addObject().put("url", "/").put("description", "this gateway");
		this.document.putArray("tags");
		this.paths = this.document.putObject("paths");
		this.document.putObject("webhooks").set("itemEvent", webhook());
		ObjectNode components = this.document.putObject("components");
		this.schemas = components.putObject("schemas");
		this.schemas.set("Problem", problemSchema());
		this.schemas.set("WebhookEvent", webhookEventSchema());
		ObjectNode responses = components.putObject("responses");
		responses.set("Unauthorized",
				problem("Sign-in required (no token, or one that is expired or not ours)", 401, "unauthorized",
						"Sign-in required", "This needs a valid, unexpired access token (Authorization: Bearer ...)."));
		responses.set("Forbidden", problem("The caller's role may not do this", 403, "forbidden", "Not allowed",
				"Your role does not allow this."));
		responses.set("TooManyRequests",
				problem("Over the caller's limit; `Retry-After` says when to try again", 429, "too-many-requests",
						"Too many requests", "Too many requests from this address. Try again in a minute."));
		responses.set("ServiceUnavailable",
				problem("The service behind this route is down or too slow; `Retry-After` says when to try again", 503,
						"service-unavailable", "Service unavailable",
						"The tracking service is not answering at the moment. Please try again shortly."));
		ObjectNode security = components.putObject("securitySchemes");
		security.putObject(BEARER)
			.put("type", "http")
			.put("scheme", "bearer")
			.put("bearerFormat", "JWT")
			.put("description", "A staff access token from `POST /api/v1/auth/login` (15 minutes; "
					+ "`POST /api/v1/auth/refresh` gives a new one).");
		security.putObject(ADAPTER_KEY)
			.put("type", "apiKey")
			.put("in", "header")
			.put("name", "X-Api-Key")
			.put("description", "A channel adapter's key, issued by an administrator "
					+ "(`POST /api/v1/admin/adapter-keys`); the gateway exchanges it for the adapter's token.");
		security.putObject(OPEN311_KEY)
			.put("type", "apiKey")
			.put("in", "query")
			.put("name", "api_key")
			.put("description",
					"Open311's `api_key` (also accepted in the posted form or as `X-Api-Key`): "
							+ "an adapter key for apps that have one; without it a request is anonymous and falls "
							+ "under the public limits.");
	}

	/**
	 * Adds one part: a service's own description. Operations the gateway would refuse,
	 * and pages' assets, are left out.
	 */
	SystemApiDocument add(String part, JsonNode description) {
		addTag(part);
		Map<String, String> renamed = new LinkedHashMap<>();
		JsonNode partSchemas = description.path("components").path("schemas");
		for (Map.Entry<String, JsonNode> schema : partSchemas.properties()) {
			JsonNode taken = this.schemas.get(schema.getKey());
			if (taken != null && !taken.equals(schema.getValue())) {
				renamed.put(schema.getKey(), capitalized(part) + schema.getKey());
			}
		}
		for (Map.Entry<String, JsonNode> schema : partSchemas.properties()) {
			String name = renamed.getOrDefault(schema.getKey(), schema.getKey());
			this.schemas.set(name, withRefs(schema.getValue(), renamed));
		}
		for (Map.Entry<String, JsonNode> path : description.path("paths").properties()) {
			if (NOT_API.matcher(path.getKey()).matches()) {
				continue;
			}
			for (String method : METHODS) {
				JsonNode operation = path.getValue().get(method);
				Optional<AccessTable.Rule> rule = (operation != null)
						? AccessTable.ruleFor(HttpMethod.valueOf(method.toUpperCase(Locale.ROOT)), path.getKey())
						: Optional.empty();
				if (rule.isPresent()) {
					ObjectNode item = (this.paths.get(path.getKey()) instanceof ObjectNode existing) ? existing
							: this.paths.putObject(path.getKey());
					item.set(method,
							operation(part, path.getKey(), (ObjectNode) withRefs(operation, renamed), rule.get()));
				}
			}
		}
		return this;
	}

	/**
	 * A part that could not be read: said in the document rather than left out silently.
	 */
	SystemApiDocument missing(String part) {
		this.missing.add(part);
		return this;
	}

	JsonNode toJson() {
		ObjectNode result = this.document.deepCopy();
		if (!this.missing.isEmpty()) {
			((ObjectNode) result.get("info")).set("x-dak-missing", NODES.arrayNode()
				.addAll(this.missing.stream().map(StringNode::valueOf).map(JsonNode.class::cast).toList()));
		}
		return result;
	}

	private ObjectNode operation(String part, String path, ObjectNode operation, AccessTable.Rule rule) {
		String given = operation.path("operationId").asString(part);
		String id = given;
		if (!this.operationIds.add(id)) {
			id = part + capitalized(id);
			this.operationIds.add(id);
		}
		operation.put("operationId", id);
		if (!operation.has("summary")) {
			operation.put("summary", words(given));
		}
		operation.putArray("tags").add(part);
		ArrayNode security = operation.putArray("security");
		boolean open311 = path.startsWith("/open311/");
		switch (rule.who()) {
			case PUBLIC -> {
				security.addObject();
				if (open311) {
					security.addObject().putArray(OPEN311_KEY);
				}
				operation.put("x-dak-access", "public");
			}
			case SIGNED_IN -> {
				security.addObject().putArray(BEARER);
				operation.put("x-dak-access", "signed in");
			}
			case ROLES -> {
				security.addObject().putArray(BEARER);
				List<String> roles = List.of(rule.roles());
				if (roles.contains(Roles.CHANNEL_ADAPTER)) {
					security.addObject().putArray(ADAPTER_KEY);
				}
				operation.set("x-dak-access", NODES.arrayNode()
					.addAll(roles.stream().map(StringNode::valueOf).map(JsonNode.class::cast).toList()));
			}
		}
		String who = switch (rule.who()) {
			case PUBLIC -> "anyone (no sign-in)";
			case SIGNED_IN -> "anyone signed in";
			case ROLES -> String.join(", ", rule.roles());
		};
		String description = operation.path("description").asString("");
		operation.put("description", (description.isBlank() ? "" : description + "\n\n") + "**Who may call:** " + who
				+ ". The service applies its object-level rules too.");
		ObjectNode responses = (operation.get("responses") instanceof ObjectNode present) ? present
				: operation.putObject("responses");
		if (rule.who() != AccessTable.Who.PUBLIC) {
			responses.putIfAbsent("401", reference("Unauthorized"));
			responses.putIfAbsent("403", reference("Forbidden"));
		}
		responses.putIfAbsent("429", reference("TooManyRequests"));
		responses.putIfAbsent("503", reference("ServiceUnavailable"));
		return operation;
	}

	private void addTag(String part) {
		ArrayNode tags = (ArrayNode) this.document.get("tags");
		tags.addObject().put("name", part).put("description", switch (part) {
			case "gateway" -> "Sign-in, accounts, adapter keys, audit trail and the system's health (the gateway)";
			case "intake" -> "Receiving items from every channel, receipts, attachments, register imports, "
					+ "and Open311 discovery, services and submission (intake-service)";
			case "routing" -> "The DM's marking inbox and the departments (routing-service)";
			case "tracking" -> "Departments' queues, action taken, dashboards, public tracking and the "
					+ "Open311 request list (tracking-service)";
			case "notification" -> "Message logs, re-sending, templates, the SMS provider's delivery receipts "
					+ "and the applicant's preferences (notification-service)";
			default -> part;
		});
	}

	private static JsonNode withRefs(JsonNode node, Map<String, String> renamed) {
		if (renamed.isEmpty()) {
			return node.deepCopy();
		}
		if (node instanceof ObjectNode object) {
			ObjectNode copy = NODES.objectNode();
			for (Map.Entry<String, JsonNode> property : object.properties()) {
				JsonNode value = property.getValue();
				if ("$ref".equals(property.getKey()) && value.isString() && value.asString().startsWith(REF_PREFIX)) {
					String name = value.asString().substring(REF_PREFIX.length());
					copy.put("$ref", REF_PREFIX + renamed.getOrDefault(name, name));
				}
				else {
					copy.set(property.getKey(), withRefs(value, renamed));
				}
			}
			return copy;
		}
		if (node instanceof ArrayNode array) {
			ArrayNode copy = NODES.arrayNode();
			array.forEach((element) -> copy.add(withRefs(element, renamed)));
			return copy;
		}
		return node.deepCopy();
	}

	private static ObjectNode reference(String response) {
		return NODES.objectNode().put("$ref", "#/components/responses/" + response);
	}

	/**
	 * What a subscriber registered with {@code POST /api/v1/webhooks/subscribers} gets.
	 */
	private static ObjectNode webhook() {
		ObjectNode post = NODES.objectNode();
		ObjectNode operation = post.putObject("post");
		operation.put("operationId", "itemEvent");
		operation.put("summary", "An event a webhook subscriber asked for");
		operation.put("description", "Sent to each subscriber's URL for the event types and departments it "
				+ "registered, as one CloudEvent in structured mode, signed as Standard Webhooks does: verify "
				+ "`webhook-signature` (`v1,` and the Base64 HMAC-SHA256 of `<webhook-id>.<webhook-timestamp>.<body>`, "
				+ "keyed with the secret's Base64 part after `whsec_`). Any 2xx takes it; anything else is tried "
				+ "again with back-off for 24 hours. One item's events come in the order they happened.");
		ArrayNode parameters = operation.putArray("parameters");
		for (String[] header : new String[][] { { "webhook-id", "the event ID, the same on every attempt" },
				{ "webhook-timestamp", "when this attempt was signed, Unix seconds" },
				{ "webhook-signature", "v1,<Base64 HMAC-SHA256>" } }) {
			parameters.addObject()
				.put("name", header[0])
				.put("in", "header")
				.put("required", true)
				.put("description", header[1])
				.putObject("schema")
				.put("type", "string");
		}
		operation.putObject("requestBody")
			.put("required", true)
			.putObject("content")
			.putObject("application/cloudevents+json")
			.putObject("schema")
			.put("$ref", REF_PREFIX + "WebhookEvent");
		ObjectNode responses = operation.putObject("responses");
		responses.putObject("200").put("description", "Taken (any 2xx answer)");
		responses.putObject("503").put("description", "Not taken now (any other answer): tried again later");
		operation.putArray("security");
		return post;
	}

	private static ObjectNode webhookEventSchema() {
		ObjectNode schema = NODES.objectNode();
		schema.put("type", "object");
		schema.put("description", "A CloudEvent 1.0. `data` holds only what any role may see of an item: its IDs, "
				+ "channel, category, statuses, departments, dates and step; never an applicant's name, contact or "
				+ "words, nor an officer's note.");
		ObjectNode properties = schema.putObject("properties");
		properties.putObject("specversion").put("type", "string").put("const", "1.0");
		properties.putObject("id").put("type", "string");
		properties.putObject("type").put("type", "string").putArray("examples").add("org.dak.complaint.status-updated");
		properties.putObject("source").put("type", "string");
		properties.putObject("subject").put("type", "string").put("description", "the complaint ID");
		properties.putObject("time").put("type", "string").put("format", "date-time");
		properties.putObject("datacontenttype").put("type", "string").put("const", "application/json");
		ObjectNode data = properties.putObject("data");
		data.put("type", "object");
		ObjectNode fields = data.putObject("properties");
		for (String field : List.of("complaintId", "receiptNumber", "channel", "category", "status", "previousStatus",
				"departmentCode", "step")) {
			fields.putObject(field).put("type", "string");
		}
		fields.putObject("dueDate").put("type", "string").put("format", "date");
		fields.putObject("workingDaysLeft").put("type", "integer");
		fields.putObject("copyDepartmentCodes").put("type", "array").putObject("items").put("type", "string");
		schema.putArray("required")
			.add("specversion")
			.add("id")
			.add("type")
			.add("source")
			.add("subject")
			.add("time")
			.add("data");
		return schema;
	}

	private static ObjectNode problemSchema() {
		ObjectNode schema = NODES.objectNode();
		schema.put("type", "object");
		schema.put("description", "An RFC 9457 problem document; `type` is a path under `/problems/` "
				+ "that names the kind of problem, `detail` says what to do.");
		ObjectNode properties = schema.putObject("properties");
		properties.putObject("type").put("type", "string").put("format", "uri-reference");
		properties.putObject("title").put("type", "string");
		properties.putObject("status").put("type", "integer");
		properties.putObject("detail").put("type", "string");
		properties.putObject("instance").put("type", "string").put("format", "uri-reference");
		return schema;
	}

	private static ObjectNode problem(String description, int status, String type, String title, String detail) {
		ObjectNode response = NODES.objectNode();
		response.put("description", description);
		ObjectNode media = response.putObject("content").putObject("application/problem+json");
		media.putObject("schema").put("$ref", REF_PREFIX + "Problem");
		media.putObject("example")
			.put("type", "/problems/" + type)
			.put("title", title)
			.put("status", status)
			.put("detail", detail);
		if (status == 429 || status == 503) {
			response.putObject("headers")
				.putObject("Retry-After")
				.put("description", "seconds to wait")
				.putObject("schema")
				.put("type", "integer");
		}
		return response;
	}

	private static String capitalized(String word) {
		return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
	}

	/** {@code markBatch_1} → "Mark batch". */
	private static String words(String operationId) {
		String spaced = operationId.replaceAll("_\\d+$", "")
			.replaceAll("([a-z0-9])([A-Z])", "$1 $2")
			.toLowerCase(Locale.ROOT)
			.trim();
		return capitalized(spaced);
	}

}
