package org.dak.gateway.health;

import java.util.Map;

import org.dak.gateway.GatewayTestBase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The IT manager's view of the whole system: every service asked for its health and
 * metrics; one that does not answer is down with the reason; what the services find of
 * the database, the broker, the mail relay and the SMS provider.
 */
class SystemHealthIT extends GatewayTestBase {

	@Test
	void theAuditorSeesEachServiceItsBacklogsAndAnSmsProviderTheSenderGaveUpOn() {
		services.stubFor(get(urlEqualTo("/actuator/health")).willReturn(aResponse()
			.withHeader("Content-Type", "application/json")
			.withBody(
					"{\"status\":\"UP\",\"components\":{\"mongoPing\":{\"status\":\"UP\"},\"ping\":{\"status\":\"UP\"}}}")));
		// a real metrics page is long (histograms): far more than a web client takes by
		// default
		String histograms = "# a histogram bucket line\n".repeat(20_000);
		services.stubFor(get(urlEqualTo("/actuator/prometheus")).willReturn(aResponse().withBody(histograms + """
				# HELP dak_outbox_pending events not yet published
				dak_outbox_pending{application="x"} 3.0
				dak_notifications_pending{channel="SMS"} 5.0
				dak_notifications_pending{channel="EMAIL"} 2.0
				dak_events_dead_letters_total{topic="complaint-received"} 2.0
				resilience4j_circuitbreaker_state{name="kafka-outbox",state="closed"} 1.0
				resilience4j_circuitbreaker_state{name="kafka-outbox",state="open"} 0.0
				resilience4j_circuitbreaker_state{name="sms",state="closed"} 0.0
				resilience4j_circuitbreaker_state{name="sms",state="open"} 1.0
				resilience4j_circuitbreaker_state{name="mail",state="closed"} 1.0
				""")));
		services.stubFor(get(urlEqualTo("/actuator/info")).willReturn(aResponse()
			.withHeader("Content-Type", "application/json")
			.withBody(
					"{\"lastError\":{\"at\":\"2026-12-01T05:10:00Z\",\"logger\":\"org.dak.support.events.OutboxRelay\","
							+ "\"message\":\"Could not publish (TimeoutException: broker gone)\",\"count\":4}}")));
		String auditor = account(unique("it.auditor"), "AUDITOR", Map.of());

		JsonNode health = http(auditor).get().uri("/api/v1/system/health").retrieve().body(JsonNode.class);

		assertThat(health.get("status").asString()).as("routing does not answer").isEqualTo("DOWN");
		Map<String, JsonNode> byName = new java.util.HashMap<>();
		health.get("services").forEach((service) -> byName.put(service.get("name").asString(), service));
		assertThat(byName).containsOnlyKeys("intake-service", "routing-service", "tracking-service",
				"notification-service");
		assertThat(byName.get("routing-service").get("status").asString()).isEqualTo("DOWN");
		assertThat(byName.get("routing-service").get("error").asString()).isNotBlank();
		JsonNode intake = byName.get("intake-service");
		assertThat(intake.get("status").asString()).isEqualTo("UP");
		assertThat(intake.get("outboxPending").asDouble()).isEqualTo(3.0);
		assertThat(intake.get("notificationsPending").asDouble()).isEqualTo(7.0);
		assertThat(intake.get("deadLetters").asDouble()).isEqualTo(2.0);
		assertThat(intake.get("lastError").get("message").asString())
			.isEqualTo("Could not publish (TimeoutException: broker gone)");
		assertThat(intake.get("lastError").get("at").asString()).isEqualTo("2026-12-01T05:10:00Z");
		assertThat(intake.get("lastError").get("count").asLong()).isEqualTo(4);
		Map<String, String> dependencies = new java.util.HashMap<>();
		health.get("dependencies")
			.forEach((dependency) -> dependencies.put(dependency.get("name").asString(),
					dependency.get("status").asString()));
		assertThat(dependencies).containsEntry("database", "UP")
			.containsEntry("broker", "UP")
			.containsEntry("mail", "UP")
			.containsEntry("sms", "DOWN");
	}

	@Test
	void onlyTheItManagersRolesMayLook() {
		String dm = account(unique("it.dm"), "DM", Map.of());
		assertThat(http(dm).get().uri("/api/v1/system/health").retrieve().toBodilessEntity().getStatusCode().value())
			.isEqualTo(403);
		assertThat(http().get().uri("/api/v1/system/health").retrieve().toBodilessEntity().getStatusCode().value())
			.isEqualTo(401);
		String admin = account(unique("it.admin"), "ADMIN", Map.of());
		assertThat(http(admin).get().uri("/api/v1/system/health").retrieve().toBodilessEntity().getStatusCode().value())
			.isEqualTo(200);
	}

}
