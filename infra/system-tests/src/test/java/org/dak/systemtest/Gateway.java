package org.dak.systemtest;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.dak.testsupport.Http;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpEntity;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * Calls the running system through its gateway, as its users do: anonymously, signed in
 * with an account the administrator made, or with an adapter key. Each instance calls
 * from its own client address (the gateway trusts the test's proxy header), so one test's
 * rate limits do not reach another's.
 */
final class Gateway {

	static final String PASSWORD = "correct-horse-battery-staple";

	private final String url;

	private final String clientAddress;

	private final String adminPassword;

	Gateway(RunningSystem system) {
		this(system.gatewayUrl(), system.adminPassword());
	}

	Gateway(String url, String adminPassword) {
		this.url = url;
		this.adminPassword = adminPassword;
		ThreadLocalRandom random = ThreadLocalRandom.current();
		this.clientAddress = "10.%d.%d.%d".formatted(random.nextInt(256), random.nextInt(256), random.nextInt(1, 255));
	}

	RestClient anonymous() {
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory();
		// a system that hangs fails its test instead of the whole run: the gateway
		// answers
		// within its route time-out
		requests.setReadTimeout(Duration.ofSeconds(30));
		return RestClient.builder()
			.baseUrl(this.url)
			.requestFactory(requests)
			.defaultHeader("X-Forwarded-For", this.clientAddress)
			.defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
			})
			.build();
	}

	RestClient as(String accessToken) {
		return anonymous().mutate().defaultHeader("Authorization", "Bearer " + accessToken).build();
	}

	RestClient withKey(String adapterKey) {
		return anonymous().mutate().defaultHeader("X-Api-Key", adapterKey).build();
	}

	String signIn(String username, String password) {
		JsonNode tokens = anonymous().post()
			.uri("/api/v1/auth/login")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("username", username, "password", password))
			.retrieve()
			.body(JsonNode.class);
		return tokens.get("accessToken").asString();
	}

	String admin() {
		return signIn("admin", this.adminPassword);
	}

	/** Makes an account (if new) and signs it in. */
	String account(String username, String role, Map<String, String> bindings) {
		Map<String, Object> body = new HashMap<>(bindings);
		body.put("username", username);
		body.put("password", PASSWORD);
		body.put("roles", List.of(role));
		as(admin()).post()
			.uri("/api/v1/admin/users")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.toBodilessEntity();
		return signIn(username, PASSWORD);
	}

	/**
	 * The receipt desk registers a letter with its scan (a small PDF named
	 * {@code filename}); answers the receipt number.
	 */
	static String registerWithScan(RestClient desk, Map<String, Object> complaint, String filename) {
		MultiValueMap<String, HttpEntity<?>> parts = new LinkedMultiValueMap<>();
		parts.add("complaint", Http.jsonPart(complaint));
		parts.add("files", Http.filePart("files", filename, MediaType.APPLICATION_PDF, FaultSuiteIT.PDF));
		return desk.post()
			.uri("/api/v1/complaints")
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(parts)
			.retrieve()
			.body(JsonNode.class)
			.get("receiptNumber")
			.asString();
	}

	/**
	 * Waits until the item is in the DM's inbox, then the DM marks it to the department.
	 */
	static void markWhenInInbox(RestClient dm, String receiptNumber, String department) {
		org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.until(() -> dm.get()
				.uri("/api/v1/inbox/" + receiptNumber)
				.retrieve()
				.toBodilessEntity()
				.getStatusCode()
				.value() == 200);
		dm.post()
			.uri("/api/v1/inbox/" + receiptNumber + "/marking")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("departmentCode", department))
			.retrieve()
			.toBodilessEntity();
	}

	/** Issues an adapter key for a channel: its ID and the key. */
	JsonNode adapterKey(String name, String channel) {
		return as(admin()).post()
			.uri("/api/v1/admin/adapter-keys")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", name, "channel", channel))
			.retrieve()
			.body(JsonNode.class);
	}

	/**
	 * A citizen's item sent as the web form sends it (no sign-in), with any extra headers
	 * given as name, value pairs (a {@code traceparent}); answers the receipt: its
	 * number, access code and tracking link.
	 */
	JsonNode submitted(Map<String, ?> applicant, String subject, String description, String... headers) {
		return anonymous().post().uri("/api/v1/complaints").headers((http) -> {
			for (int i = 0; i + 1 < headers.length; i += 2) {
				http.add(headers[i], headers[i + 1]);
			}
		})
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("channel", "WEB", "applicant", applicant, "subject", subject, "description", description))
			.retrieve()
			.body(JsonNode.class);
	}

	/** The item's status as its applicant reads it, with the access code. */
	String trackedStatus(String number, String code) {
		return anonymous().get()
			.uri("/api/v1/public/track/" + number + "?code=" + code)
			.retrieve()
			.body(JsonNode.class)
			.get("status")
			.asString();
	}

}
