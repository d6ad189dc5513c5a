package org.dak.gateway.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.dak.gateway.GatewayTestBase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class AuditIT extends GatewayTestBase {

	@Test
	void everyStateChangingCallAndSignInIsOnTheTrailForTheAuditorOnly() {
		String username = unique("desk");
		String desk = account(username, "RECEIPT_DESK", Map.of());
		http(desk).post()
			.uri("/api/v1/auth/password")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("currentPassword", "wrong", "newPassword", "another-long-password"))
			.retrieve()
			.toBodilessEntity();
		String auditor = account(unique("auditor"), "AUDITOR", Map.of());

		await().untilAsserted(() -> {
			JsonNode trail = http(auditor).get().uri("/api/v1/audit?actor=" + username).retrieve().body(JsonNode.class);
			assertThat(trail.findValuesAsString("action")).contains("POST /api/v1/auth/password", "SIGN_IN");
			assertThat(trail.findValuesAsString("outcome")).contains("422", "SUCCESS");
			assertThat(trail.findValuesAsString("clientAddress")).contains(this.clientAddress);
		});
		assertThat(http(desk).get().uri("/api/v1/audit").retrieve().toBodilessEntity().getStatusCode().value())
			.isEqualTo(403);
		assertThat(http(adminToken()).get().uri("/api/v1/audit").retrieve().toBodilessEntity().getStatusCode().value())
			.isEqualTo(403);
	}

	@Test
	void everyReadOfAnAccessCodeIsOnTheTrailWithItsReaderAndOnlyTheCounterReadsOne() {
		services.stubFor(get(urlPathMatching("/api/v1/complaints/NAL-2026-000042-K/.*"))
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{}")));
		String username = unique("counter");
		String counter = account(username, "RECEIPT_DESK", Map.of());
		String dm = account(unique("dm"), "DM", Map.of());

		int receipt = status(counter, "/api/v1/complaints/NAL-2026-000042-K/receipt");
		int qrCode = status(counter, "/api/v1/complaints/NAL-2026-000042-K/qr.png");
		int byTheDm = status(dm, "/api/v1/complaints/NAL-2026-000042-K/receipt.pdf");

		assertThat(receipt).isEqualTo(200);
		assertThat(qrCode).isEqualTo(200);
		assertThat(byTheDm).isEqualTo(403);
		String auditor = account(unique("auditor"), "AUDITOR", Map.of());
		await().untilAsserted(() -> {
			JsonNode trail = http(auditor).get().uri("/api/v1/audit?actor=" + username).retrieve().body(JsonNode.class);
			assertThat(trail.findValuesAsString("action")).contains("GET /api/v1/complaints/NAL-2026-000042-K/receipt",
					"GET /api/v1/complaints/NAL-2026-000042-K/qr.png");
		});
	}

	private int status(String token, String path) {
		return http(token).get().uri(path).retrieve().toBodilessEntity().getStatusCode().value();
	}

	@Test
	void aRequestIdIsRecordedOnlyIfItIsWellFormed() {
		String auditor = account(unique("auditor"), "AUDITOR", Map.of());
		String junk = "<script>" + "x".repeat(3000);
		for (String requestId : List.of(junk, "desk-7f3a.42_b")) {
			http().post()
				.uri("/api/v1/auth/login")
				.header("X-Request-Id", requestId)
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("username", unique("nobody"), "password", "not-the-password"))
				.retrieve()
				.toBodilessEntity();
		}

		await().untilAsserted(() -> {
			JsonNode trail = http(auditor).get()
				.uri("/api/v1/audit?actor=anonymous&size=500")
				.retrieve()
				.body(JsonNode.class);
			List<JsonNode> ours = new ArrayList<>();
			trail.forEach((entry) -> {
				if (this.clientAddress.equals(entry.path("clientAddress").asString())
						&& "POST /api/v1/auth/login".equals(entry.path("action").asString())
						&& "401".equals(entry.path("outcome").asString())) {
					ours.add(entry);
				}
			});
			assertThat(ours).hasSize(2);
			assertThat(ours).extracting((entry) -> entry.path("requestId").asString(null))
				.containsExactlyInAnyOrder(null, "desk-7f3a.42_b");
		});
	}

	@Test
	void theFallbackAnswersOnlyTheGatewaysOwnRoutesNotACallerDirectly() {
		assertThat(http().post().uri("/fallback/intake-service").retrieve().toBodilessEntity().getStatusCode().value())
			.isIn(401, 403);
	}

}
