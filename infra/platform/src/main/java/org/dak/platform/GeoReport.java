package org.dak.platform;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;

/**
 * The two forms of Open311 GeoReport v2 answers: XML (the standard's own) and JSON. Every
 * path ends in {@code .xml} or {@code .json}, and errors are the standard's list of
 * {@code code} and {@code description}, never a problem document.
 */
public final class GeoReport {

	/** What the standard's XML answers are served as. */
	public static final MediaType XML = MediaType.parseMediaType("text/xml;charset=UTF-8");

	private static final Map<String, String> ITEMS = Map.of("services", "service", "service_requests", "request",
			"attributes", "attribute", "values", "value", "endpoints", "endpoint", "formats", "format", "errors",
			"error");

	private static final JsonMapper PROBLEMS = JsonMapper.builder().build();

	private GeoReport() {
	}

	/** The answer's form, from the path's ending: {@code .xml} or else JSON. */
	public static boolean wantsXml(String path) {
		return path != null && path.endsWith(".xml");
	}

	/** The standard's error list: one error with the HTTP status as its code. */
	public static List<Map<String, Object>> errors(int code, String description) {
		Map<String, Object> error = new java.util.LinkedHashMap<>();
		error.put("code", code);
		error.put("description", (description != null) ? description : "");
		return List.of(error);
	}

	/** An error as the body of a {@code .json} or {@code .xml} answer. */
	public static byte[] error(boolean xml, int code, String description) {
		String body = xml ? xml("errors", errors(code, description)) : json(errors(code, description));
		return body.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * A problem document (RFC 9457) as the standard's error: its status and its detail
	 * (or title), in the form asked for.
	 */
	public static byte[] errorFromProblem(boolean xml, int code, byte[] problem) {
		String description;
		try {
			JsonNode read = PROBLEMS.readTree(problem);
			JsonNode detail = read.path("detail");
			description = detail.isString() ? detail.asString() : read.path("title").asString("");
		}
		catch (RuntimeException ex) {
			description = "";
		}
		return error(xml, code, description);
	}

	/**
	 * A list answer in XML, e.g. {@code <services><service>…</service></services>}.
	 * @param root the list's element, named as the standard names it
	 * @param items the entries, each a map of field name to value (a value may be a list
	 * or a map, written as nested elements)
	 */
	public static String xml(String root, List<? extends Map<String, ?>> items) {
		StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
		element(out, root, items);
		return out.toString();
	}

	/** A single answer in XML (discovery, a service definition). */
	public static String xml(String root, Map<String, ?> fields) {
		StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
		element(out, root, fields);
		return out.toString();
	}

	private static void element(StringBuilder out, String name, Object value) {
		out.append('<').append(name).append('>');
		if (value instanceof Map<?, ?> map) {
			map.forEach((key, inner) -> element(out, String.valueOf(key), inner));
		}
		else if (value instanceof List<?> list) {
			String item = ITEMS.getOrDefault(name, name.endsWith("s") ? name.substring(0, name.length() - 1) : "item");
			list.forEach((inner) -> element(out, item, inner));
		}
		else if (value != null) {
			escape(out, String.valueOf(value));
		}
		out.append("</").append(name).append('>');
	}

	private static void escape(StringBuilder out, String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '&' -> out.append("&amp;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&apos;");
				default -> {
					// characters XML 1.0 cannot carry at all are left out
					if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
						out.append(c);
					}
				}
			}
		}
	}

	private static String json(List<Map<String, Object>> errors) {
		StringBuilder out = new StringBuilder("[");
		for (Map<String, Object> error : errors) {
			out.append(out.length() > 1 ? "," : "")
				.append("{\"code\":")
				.append(error.get("code"))
				.append(",\"description\":\"");
			String text = String.valueOf(error.get("description"));
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if (c == '"' || c == '\\') {
					out.append('\\').append(c);
				}
				else if (c < 0x20) {
					out.append(String.format("\\u%04x", (int) c));
				}
				else {
					out.append(c);
				}
			}
			out.append("\"}");
		}
		return out.append(']').toString();
	}

}
