package org.dak.gateway.edge;

import org.dak.gateway.GatewayTestBase;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class GatewayIT extends GatewayTestBase {

	@Test
	void routesPublicSubmissionsToIntakeWithARequestId() {
		services.stubFor(post(urlEqualTo("/api/v1/complaints")).willReturn(aResponse().withStatus(201)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"receiptNumber\":\"NAL-2026-000001-X\"}")));

		ResponseEntity<String> response = http().post()
			.uri("/api/v1/complaints")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{}")
			.retrieve()
			.toEntity(String.class);

		assertThat(response.getStatusCode().value()).isEqualTo(201);
		assertThat(response.getBody()).contains("NAL-2026-000001-X");
		assertThat(response.getHeaders().getFirst("X-Request-Id")).isNotBlank();
	}

	@Test
	void keepsTheCallersRequestIdPassesItOnAndAnswersWithSecurityHeaders() {
		services.stubFor(get(urlEqualTo("/track/NAL-2026-000001-X?code=A"))
			.willReturn(aResponse().withStatus(200).withHeader("X-Request-Id", "desk-7-call-42")));

		ResponseEntity<String> response = http().get()
			.uri("/track/NAL-2026-000001-X?code=A")
			.header("X-Request-Id", "desk-7-call-42")
			.retrieve()
			.toEntity(String.class);

		assertThat(response.getHeaders().get("X-Request-Id")).containsExactly("desk-7-call-42");
		services.verify(getRequestedFor(urlEqualTo("/track/NAL-2026-000001-X?code=A"))
			.withHeader("X-Request-Id", matching("desk-7-call-42"))
			.withHeader("X-Api-Key", absent()));
		assertThat(response.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(response.getHeaders().getFirst("X-Frame-Options")).isEqualTo("DENY");
		assertThat(response.getHeaders().getFirst("Referrer-Policy")).isEqualTo("no-referrer");
		assertThat(response.getHeaders().getFirst("Content-Security-Policy")).contains("default-src 'self'");
	}

	@Test
	void aServiceThatIsDownYieldsA503ProblemDocument() {
		String dm = account(unique("dm"), "DM", java.util.Map.of());

		ResponseEntity<String> response = http(dm).get().uri("/api/v1/inbox").retrieve().toEntity(String.class);

		assertThat(response.getStatusCode().value()).isEqualTo(503);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("30");
		assertThat(response.getBody()).contains("\"type\":\"/problems/service-unavailable\"")
			.contains("\"service\":\"routing\"");
	}

	@Test
	void anUnknownPathIsRefusedWithAProblemDocument() {
		ResponseEntity<String> response = http().get().uri("/api/v1/nothing-here").retrieve().toEntity(String.class);

		assertThat(response.getStatusCode().value()).isEqualTo(401);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void aBodyOverTheLimitIsRefusedBeforeItReachesAService() {
		ResponseEntity<String> response = http().post()
			.uri("/api/v1/complaints")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"description\":\"" + "x".repeat(20_000) + "\"}")
			.retrieve()
			.toEntity(String.class);

		assertThat(response.getStatusCode().value()).isEqualTo(413);
		assertThat(response.getBody()).contains("/problems/request-too-large");
	}

	@Test
	void corsIsOffUnlessOriginsAreConfigured() {
		ResponseEntity<String> response = http().options()
			.uri("/api/v1/complaints")
			.header("Origin", "https://evil.example")
			.header("Access-Control-Request-Method", "POST")
			.retrieve()
			.toEntity(String.class);

		assertThat(response.getHeaders().getAccessControlAllowOrigin()).isNull();
		assertThat(response.getHeaders().getAccessControlAllowMethods()).isEmpty();
	}

}
