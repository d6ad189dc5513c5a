package org.dak.notification.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.dak.contracts.Topic;
import org.dak.contracts.Topics;
import org.dak.contracts.GoldenSamples;
import org.dak.testsupport.Http;
import org.dak.testsupport.PublishedRecords;
import org.dak.testsupport.ServiceIntegrationTest;
import org.dak.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ServiceIntegrationTest
class WebhooksIT {

	@RegisterExtension
	static WireMockExtension subscriber = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort())
		.build();

	@DynamicPropertySource
	static void quickRetries(DynamicPropertyRegistry registry) {
		registry.add("dak.notification.webhooks.first-retry", () -> "300ms");
		registry.add("dak.notification.webhooks.max-backoff", () -> "1s");
		registry.add("dak.notification.webhooks.interval", () -> "100ms");
		// the subscriber here listens on this machine: listed, as an administrator would
		registry.add("dak.notification.webhooks.private-targets", () -> "localhost");
		registry.add("dak.notification.webhooks.timeout", () -> "3s");
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	WebhookProperties properties;

	@Autowired
	WebhookQueue queue;

	@Autowired
	io.micrometer.core.instrument.MeterRegistry meters;

	@Test
	void aSubscriberGetsTheEventsItAskedForSignedAndNothingPersonal() throws Exception {
		String path = "/hooks/" + UUID.randomUUID();
		subscriber.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(204)));
		JsonNode registered = register("state dashboard", path, List.of(Topic.STATUS_UPDATED.eventType()),
				List.of("SUPPLY"));
		String id = newId();
		String wanted = statusUpdated(id, "SUPPLY", "2026-12-02T09:45:10Z");

		PublishedRecords.send(this.bootstrapServers, Topics.STATUS_UPDATED, id, bytes(wanted));
		PublishedRecords.send(this.bootstrapServers, Topics.STATUS_UPDATED, id,
				bytes(statusUpdated(id, "HEALTH", "2026-12-02T09:46:10Z")));
		PublishedRecords.send(this.bootstrapServers, Topics.STATUS_UPDATED, id, bytes(wanted));

		await().atMost(Duration.ofSeconds(30)).until(() -> accepted(path, id).size() == 1);
		// and no second one comes after it
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> accepted(path, id).size() == 1);
		List<ServeEvent> sent = accepted(path, id);
		assertThat(sent).as("once, and only the department asked for").hasSize(1);
		ServeEvent event = sent.get(0);
		String body = event.getRequest().getBodyAsString();
		String webhookId = event.getRequest().getHeader("webhook-id");
		String timestamp = event.getRequest().getHeader("webhook-timestamp");
		assertThat(event.getRequest().getHeader("webhook-signature"))
			.isEqualTo(verify(registered.get("secret").asString(), webhookId + "." + timestamp + "." + body));
		assertThat(Long.parseLong(timestamp)).isCloseTo(Instant.now().getEpochSecond(),
				org.assertj.core.data.Offset.offset(60L));
		assertThat(event.getRequest().getHeader("Content-Type")).startsWith("application/cloudevents+json");
		JsonNode cloudEvent = JSON.readTree(body);
		assertThat(cloudEvent.get("specversion").asString()).isEqualTo("1.0");
		assertThat(cloudEvent.get("type").asString()).isEqualTo("org.dak.complaint.status-updated");
		assertThat(cloudEvent.get("subject").asString()).isEqualTo(id);
		assertThat(cloudEvent.get("id").asString()).isEqualTo(webhookId);
		assertThat(cloudEvent.at("/data/status").asString()).isEqualTo("DISPOSED");
		assertThat(cloudEvent.at("/data/departmentCode").asString()).isEqualTo("SUPPLY");
		assertThat(body).as("no note, no officer's words").doesNotContain("राशन").doesNotContain("note");

		List<Map<String, Object>> log = admin().get()
			.uri("/api/v1/webhooks/subscribers/{id}/deliveries", registered.at("/subscriber/id").asString())
			.retrieve()
			.body(new ParameterizedTypeReference<>() {
			});
		assertThat(log).singleElement().satisfies((line) -> {
			assertThat(line.get("status")).isEqualTo("DELIVERED");
			assertThat(line.get("lastResponse")).isEqualTo(204);
		});
		assertThat(this.meters.get("dak.webhook.deliveries")
			.tags("subscriber", "state dashboard", "outcome", "delivered")
			.counter()
			.count()).isEqualTo(1.0);
	}

	@Test
	void anOutageIsRetriedAndEachEventArrivesOnceAndInOrder() {
		String path = "/hooks/" + UUID.randomUUID();
		subscriber.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(503)));
		register("department system", path, List.of(Topic.STATUS_UPDATED.eventType()), List.of());
		String id = newId();
		List<String> events = List.of(statusUpdated(id, "SUPPLY", "2026-12-02T09:00:00Z"),
				statusUpdated(id, "SUPPLY", "2026-12-02T10:00:00Z"),
				statusUpdated(id, "SUPPLY", "2026-12-02T11:00:00Z"));
		for (String event : events) {
			PublishedRecords.send(this.bootstrapServers, Topics.STATUS_UPDATED, id, bytes(event));
		}

		await().atMost(Duration.ofSeconds(30))
			.until(() -> subscriber.getAllServeEvents()
				.stream()
				.filter((event) -> event.getRequest().getUrl().equals(path))
				.count() >= 2);
		subscriber.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200)));
		await().atMost(Duration.ofSeconds(30)).until(() -> accepted(path, id).size() >= 3);

		List<String> arrived = accepted(path, id).stream()
			.map((event) -> JSON.readTree(event.getRequest().getBodyAsString()).get("time").asString())
			.toList();
		assertThat(arrived).containsExactly("2026-12-02T09:00:00Z", "2026-12-02T10:00:00Z", "2026-12-02T11:00:00Z");
		List<ServeEvent> refused = subscriber.getAllServeEvents()
			.stream()
			.filter((event) -> event.getRequest().getUrl().equals(path) && event.getResponse().getStatus() == 503
					&& event.getRequest().getBodyAsString().contains(id))
			.toList();
		assertThat(refused).as("while the first waited for its retry, the later ones waited too")
			.allSatisfy(
					(event) -> assertThat(JSON.readTree(event.getRequest().getBodyAsString()).get("time").asString())
						.isEqualTo("2026-12-02T09:00:00Z"));
	}

	@Test
	void aDeliveryWaitingForItsRetryIsKeptAndSentOnceByTwoSendersSharingIt() {
		String path = "/hooks/" + UUID.randomUUID();
		subscriber.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(500)));
		JsonNode registered = register("restart", path, List.of(Topic.STATUS_UPDATED.eventType()), List.of());
		String id = newId();
		PublishedRecords.send(this.bootstrapServers, Topics.STATUS_UPDATED, id,
				bytes(statusUpdated(id, "SUPPLY", "2026-12-02T09:00:00Z")));
		String subscriberId = registered.at("/subscriber/id").asString();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.mongo
				.find(org.springframework.data.mongodb.core.query.Query
					.query(org.springframework.data.mongodb.core.query.Criteria.where("subscriberId").is(subscriberId)),
						WebhookDelivery.class)
				.stream()
				.anyMatch(
						(delivery) -> delivery.attempts() >= 1 && delivery.status() == WebhookDelivery.Status.PENDING));

		// what a restarted (or a second) instance has: the database, and a sender that
		// remembers nothing; the running one keeps going beside it
		subscriber.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200)));
		WebhookSender afterRestart = new WebhookSender(this.mongo, this.queue, this.properties, this.meters);
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			afterRestart.sendDue();
			return accepted(path, id).size() == 1;
		});
		for (int round = 0; round < 5; round++) {
			afterRestart.sendDue();
		}
		await().during(Duration.ofMillis(500))
			.atMost(Duration.ofSeconds(5))
			.until(() -> accepted(path, id).size() == 1);
		assertThat(accepted(path, id)).hasSize(1);
	}

	@Test
	void aWebhookCannotPointIntoTheSystemsOwnNetwork() {
		for (String inward : List.of("http://127.0.0.1:8083/actuator/env", "http://169.254.169.254/latest/meta-data/",
				"http://10.20.30.40/hook", "http://192.168.1.1/hook", "http://[::1]:8081/hook", "http://[fd00::5]/hook",
				"http://0.0.0.0:8080/hook")) {
			ResponseEntity<JsonNode> refused = admin().post()
				.uri("/api/v1/webhooks/subscribers")
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("name", "inward", "url", inward, "eventTypes", List.of(Topic.STATUS_UPDATED.eventType())))
				.retrieve()
				.toEntity(JsonNode.class);

			assertThat(refused.getStatusCode().value()).as(inward).isEqualTo(400);
			assertThat(refused.getBody().get("type").asString()).isEqualTo("/problems/webhook-target");
		}
	}

	@Test
	void aSlowSubscriberHoldsUpOnlyItsOwnDeliveries() {
		String slowPath = "/hooks/slow-" + UUID.randomUUID();
		String fastPath = "/hooks/fast-" + UUID.randomUUID();
		subscriber.stubFor(post(urlEqualTo(slowPath)).willReturn(aResponse().withStatus(200).withFixedDelay(2_500)));
		subscriber.stubFor(post(urlEqualTo(fastPath)).willReturn(aResponse().withStatus(204)));
		JsonNode slow = register("slow", slowPath, List.of(Topic.STATUS_UPDATED.eventType()), List.of("HEALTH"));
		register("fast", fastPath, List.of(Topic.STATUS_UPDATED.eventType()), List.of("HEALTH"));
		List<String> items = List.of(newId(), newId(), newId(), newId());
		try {
			for (String item : items) {
				PublishedRecords.send(this.bootstrapServers, Topics.STATUS_UPDATED, item,
						bytes(statusUpdated(item, "HEALTH", "2026-12-02T09:00:00Z")));
			}

			// sent one after another, the fast subscriber's last event would wait for at
			// least three of the slow one's answers (7.5 s)
			await().atMost(Duration.ofSeconds(5))
				.until(() -> items.stream().allMatch((item) -> accepted(fastPath, item).size() == 1));
			assertThat(items.stream().filter((item) -> accepted(slowPath, item).size() == 1).count())
				.as("the slow one is still at it")
				.isLessThan(items.size());
		}
		finally {
			admin().delete()
				.uri("/api/v1/webhooks/subscribers/{id}", slow.at("/subscriber/id").asString())
				.retrieve()
				.toBodilessEntity();
		}
	}

	@Test
	void aSubscriberNeedsAWebAddressAndKnownEventTypes() {
		ResponseEntity<JsonNode> unknownType = admin().post()
			.uri("/api/v1/webhooks/subscribers")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", "x", "url", "https://example.in/hook", "eventTypes", List.of("org.dak.everything")))
			.retrieve()
			.toEntity(JsonNode.class);
		ResponseEntity<JsonNode> notWeb = admin().post()
			.uri("/api/v1/webhooks/subscribers")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", "x", "url", "file:///etc/passwd", "eventTypes",
					List.of(Topic.STATUS_UPDATED.eventType())))
			.retrieve()
			.toEntity(JsonNode.class);

		assertThat(unknownType.getStatusCode().value()).isEqualTo(400);
		assertThat(unknownType.getBody().get("detail").asString()).contains("org.dak.everything");
		assertThat(notWeb.getStatusCode().value()).isEqualTo(400);
		assertThat(Http.local(this.port, TestTokens.token("dm.nalanda", "DM"))
			.get()
			.uri("/api/v1/webhooks/subscribers")
			.retrieve()
			.toBodilessEntity()
			.getStatusCode()
			.value()).isEqualTo(403);
	}

	private JsonNode register(String name, String path, List<String> types, List<String> departments) {
		JsonNode registered = admin().post()
			.uri("/api/v1/webhooks/subscribers")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", name, "url", subscriber.baseUrl() + path, "eventTypes", types, "departments",
					departments))
			.retrieve()
			.body(JsonNode.class);
		assertThat(registered.get("secret").asString()).startsWith("whsec_");
		return registered;
	}

	private RestClient admin() {
		return Http.local(this.port, TestTokens.token("admin", "ADMIN"));
	}

	/** What the subscriber took of one item's events, in the order it took them. */
	private static List<ServeEvent> accepted(String path, String item) {
		return subscriber.getAllServeEvents()
			.stream()
			.filter((event) -> event.getRequest().getUrl().equals(path) && event.getResponse().getStatus() / 100 == 2
					&& event.getRequest().getBodyAsString().contains("\"subject\":\"" + item + "\""))
			.sorted(java.util.Comparator.comparing((ServeEvent event) -> event.getRequest().getLoggedDate()))
			.toList();
	}

	/** The signature as a subscriber computes it, with the secret it was given. */
	private static String verify(String secret, String signed) throws Exception {
		javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
		mac.init(new javax.crypto.spec.SecretKeySpec(
				java.util.Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
		return "v1,"
				+ java.util.Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
	}

	private static String statusUpdated(String id, String department, String occurredAt) {
		return GoldenSamples.json(Topic.STATUS_UPDATED)
			.replace("NAL-2026-000123-C", id)
			.replace("c2d3e4f5-a6b7-4c8d-9e0f-1a2b3c4d5e6f", UUID.randomUUID().toString())
			.replace("\"departmentCode\": \"SUPPLY\"", "\"departmentCode\": \"" + department + "\"")
			.replace("2026-12-02T09:45:10.500Z", occurredAt);
	}

	private static String newId() {
		return "NAL-2026-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase() + "-W";
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
