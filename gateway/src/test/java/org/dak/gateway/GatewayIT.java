package org.dak.gateway;

import java.io.IOException;
import java.net.ServerSocket;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayIT {

	@RegisterExtension
	static WireMockExtension services = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@DynamicPropertySource
	static void routes(DynamicPropertyRegistry registry) {
		registry.add("INTAKE_SERVICE_URL", services::baseUrl);
		registry.add("TRACKING_SERVICE_URL", services::baseUrl);
		registry.add("ROUTING_SERVICE_URL", GatewayIT::nobodyListening);
	}

	@LocalServerPort
	int port;

	RestClient http() {
		return RestClient.builder()
			.baseUrl("http://localhost:" + this.port)
			.defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
			})
			.build();
	}

	@Test
	void routesSubmissionsToIntakeWithARequestId() {
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
	void keepsTheCallersRequestIdAndPassesItOn() {
		services.stubFor(get(urlEqualTo("/track/NAL-2026-000001-X?code=A"))
			.willReturn(aResponse().withStatus(200).withHeader("X-Request-Id", "desk-7-call-42")));

		ResponseEntity<String> response = http().get()
			.uri("/track/NAL-2026-000001-X?code=A")
			.header("X-Request-Id", "desk-7-call-42")
			.retrieve()
			.toEntity(String.class);

		assertThat(response.getHeaders().get("X-Request-Id")).containsExactly("desk-7-call-42");
		services.verify(getRequestedFor(urlEqualTo("/track/NAL-2026-000001-X?code=A")).withHeader("X-Request-Id",
				matching("desk-7-call-42")));
	}

	@Test
	void aServiceThatIsDownYieldsA503ProblemDocument() {
		ResponseEntity<String> response = http().get().uri("/api/v1/inbox").retrieve().toEntity(String.class);

		assertThat(response.getStatusCode().value()).isEqualTo(503);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("30");
		assertThat(response.getBody()).contains("\"type\":\"/problems/service-unavailable\"")
			.contains("\"service\":\"routing\"");
	}

	@Test
	void anUnknownPathIsA404ProblemDocument() {
		ResponseEntity<String> response = http().get().uri("/api/v1/nothing-here").retrieve().toEntity(String.class);

		assertThat(response.getStatusCode().value()).isEqualTo(404);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
	}

	private static String nobodyListening() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return "http://127.0.0.1:" + socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
