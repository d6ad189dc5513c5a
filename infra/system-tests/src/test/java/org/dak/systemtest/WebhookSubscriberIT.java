package org.dak.systemtest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A state dashboard subscribed to the office's events: it is down while an item is
 * marked, the notification service restarts while the deliveries wait for their retry,
 * and when the dashboard is back it gets each event once, in order, signed.
 */
class WebhookSubscriberIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final WireMockServer dashboard = new WireMockServer(wireMockConfig().dynamicPort());

	private Runnable unsubscribe = () -> {
	};

	@AfterEach
	void stop() {
		// the later tests' events are not for it
		this.unsubscribe.run();
		this.dashboard.stop();
	}

	@Test
	void aSubscriberThatWasDownGetsEveryEventOnceInOrderAfterARestartOfTheSender() throws Exception {
		RunningSystem system = RunningSystem.shared();
		Gateway gateway = new Gateway(system);
		this.dashboard.start();
		this.dashboard.stubFor(post(urlEqualTo("/hooks/dak")).willReturn(aResponse().withStatus(503)));
		RestClient admin = gateway.as(gateway.admin());
		RestClient dm = gateway.as(gateway.account("hooks.dm", "DM", Map.of()));
		JsonNode registered = admin.post()
			.uri("/api/v1/webhooks/subscribers")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", "state dashboard", "url", this.dashboard.baseUrl() + "/hooks/dak", "eventTypes",
					List.of("org.dak.complaint.received", "org.dak.complaint.routed",
							"org.dak.complaint.status-updated")))
			.retrieve()
			.body(JsonNode.class);
		String subscriberId = registered.at("/subscriber/id").asString();
		this.unsubscribe = () -> admin.delete()
			.uri("/api/v1/webhooks/subscribers/{id}", subscriberId)
			.retrieve()
			.toBodilessEntity();

		String number = gateway
			.submitted(Map.of("name", "रीना कुमारी", "mobile", "9811122233"), "नाली की सफाई", "गली में नाली जाम है।")
			.get("receiptNumber")
			.asString();
		Gateway.markWhenInInbox(dm, number, "SUPPLY");
		await().atMost(Duration.ofSeconds(60)).until(() -> {
			JsonNode log = admin.get()
				.uri("/api/v1/webhooks/subscribers/{id}/deliveries", subscriberId)
				.retrieve()
				.body(JsonNode.class);
			return log.size() >= 3 && log.findValuesAsString("status").stream().allMatch("PENDING"::equals)
					&& log.findValues("attempts").stream().anyMatch((attempts) -> attempts.asInt() >= 1);
		});

		system.restart("notification-service");
		this.dashboard.stubFor(post(urlEqualTo("/hooks/dak")).willReturn(aResponse().withStatus(200)));

		await().atMost(Duration.ofSeconds(120)).until(() -> taken(number).size() >= 3);
		// and nothing more comes after them
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> taken(number).size() == 3);
		List<ServeEvent> taken = taken(number);
		List<String> types = taken.stream().map((event) -> body(event).get("type").asString()).toList();
		assertThat(types).as("each once, in the order they happened")
			.containsExactly("org.dak.complaint.received", "org.dak.complaint.routed",
					"org.dak.complaint.status-updated");
		assertThat(taken.stream().map((event) -> body(event).get("time").asString()).toList()).isSorted();
		for (ServeEvent event : taken) {
			String signed = event.getRequest().getHeader("webhook-id") + "."
					+ event.getRequest().getHeader("webhook-timestamp") + "." + event.getRequest().getBodyAsString();
			assertThat(event.getRequest().getHeader("webhook-signature"))
				.isEqualTo(signature(registered.get("secret").asString(), signed));
			assertThat(event.getRequest().getBodyAsString()).doesNotContain("रीना")
				.doesNotContain("9811122233")
				.doesNotContain("नाली");
		}
	}

	/** What the dashboard took (2xx) of one item, in the order it took it. */
	private List<ServeEvent> taken(String number) {
		return this.dashboard.getAllServeEvents()
			.stream()
			.filter((event) -> event.getResponse().getStatus() == 200
					&& number.equals(body(event).get("subject").asString()))
			.sorted(java.util.Comparator.comparing((ServeEvent event) -> event.getRequest().getLoggedDate()))
			.toList();
	}

	private static JsonNode body(ServeEvent event) {
		return JSON.readTree(event.getRequest().getBodyAsString());
	}

	private static String signature(String secret, String signed) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
		return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
	}

}
