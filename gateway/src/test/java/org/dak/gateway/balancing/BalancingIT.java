package org.dak.gateway.balancing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.dak.gateway.GatewayTestBase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service with several instances behind the gateway: the calls are spread over those
 * that answer their liveness check; one dead from the start gets none; and when an
 * instance dies between two checks, a read is tried on another one while a submission is
 * not repeated (its caller repeats it with its Idempotency-Key). While no instance of a
 * service passes its check, all are tried.
 */
// checks far apart: an instance that dies during a test is still on the list
@TestPropertySource(properties = "spring.cloud.loadbalancer.health-check.interval=10m")
class BalancingIT extends GatewayTestBase {

	static final WireMockServer trackingOne = started();

	static final WireMockServer trackingTwo = started();

	static final WireMockServer intakeOne = started();

	static final WireMockServer intakeTwo = started();

	static final WireMockServer routingAlone = startedButNotYetLive();

	static final String NEVER_STARTED = "http://127.0.0.1:" + freePort();

	@DynamicPropertySource
	static void instances(DynamicPropertyRegistry registry) {
		registry.add("dak.gateway.instances[tracking-service]",
				() -> String.join(",", trackingOne.baseUrl(), trackingTwo.baseUrl(), NEVER_STARTED));
		registry.add("dak.gateway.instances[intake-service]",
				() -> String.join(",", intakeOne.baseUrl(), intakeTwo.baseUrl()));
		registry.add("dak.gateway.instances[routing-service]", routingAlone::baseUrl);
	}

	@AfterAll
	static void stopInstances() {
		List.of(trackingOne, trackingTwo, intakeOne, intakeTwo, routingAlone).forEach(WireMockServer::stop);
	}

	@Test
	void readsAreSpreadOverTheLiveInstancesAndTriedOnAnotherWhenOneDiesUnderThem() {
		String officer = account(unique("balancing.officer"), "DEPARTMENT_OFFICER",
				java.util.Map.of("department", "SUPPLY"));
		for (WireMockServer instance : List.of(trackingOne, trackingTwo)) {
			instance.stubFor(get(urlPathMatching("/api/v1/cases/.*")).willReturn(okJson("{\"status\":\"MARKED\"}")));
		}
		assertThat(readTenTimes(officer)).containsOnly(200);
		// round robin over the two that answer their check (the first calls may find the
		// first check half done); none to the one never started
		int one = casesRead(trackingOne);
		assertThat(one).isBetween(3, 7);
		assertThat(casesRead(trackingTwo)).isEqualTo(10 - one);

		trackingTwo.stop();
		// the gateway still thinks the dead one alive: every call that reached it was
		// repeated on the other, and the caller never noticed
		assertThat(readTenTimes(officer)).containsOnly(200);
		assertThat(casesRead(trackingOne)).isEqualTo(one + 10);
	}

	@Test
	void aSubmissionToAnInstanceThatDiedIsNotRepeatedByTheGateway() {
		intakeOne.stubFor(post(urlEqualTo("/api/v1/complaints")).willReturn(aResponse().withStatus(201)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"receiptNumber\":\"NAL-2026-000001-X\"}")));
		intakeTwo.stubFor(post(urlEqualTo("/api/v1/complaints")).willReturn(aResponse().withStatus(201)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"receiptNumber\":\"NAL-2026-000002-X\"}")));
		assertThat(submit("balancing-first")).isEqualTo(201);
		int reachedOne = intakeOne.countRequestsMatching(postRequestedFor(urlEqualTo("/api/v1/complaints")).build())
			.getCount();
		intakeTwo.stop();
		List<Integer> answers = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			answers.add(submit("balancing-" + i));
		}
		// half went to the live instance; the others are the route's 503, for the caller
		// to send again with the same key
		assertThat(answers).containsOnly(201, 503);
		assertThat(answers.stream().filter((status) -> status == 503)).hasSize(2);
		intakeOne.verify(reachedOne + 2, postRequestedFor(urlEqualTo("/api/v1/complaints")));
	}

	@Test
	void aLoneInstanceThatHasNotYetPassedItsCheckIsAskedAllTheSame() {
		// as after a restart, until the next check: the DM's desk must not answer 503 for
		// a service that already answers
		routingAlone.stubFor(get(urlEqualTo("/api/v1/departments")).willReturn(okJson("[]")));
		String dm = account(unique("balancing.dm"), "DM", java.util.Map.of());
		assertThat(http(dm).get().uri("/api/v1/departments").retrieve().toBodilessEntity().getStatusCode().value())
			.isEqualTo(200);
		routingAlone.verify(1, getRequestedFor(urlEqualTo("/api/v1/departments")));
	}

	/** The statuses of ten reads of one item through the gateway. */
	private List<Integer> readTenTimes(String token) {
		List<Integer> answers = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			answers.add(http(token).get()
				.uri("/api/v1/cases/NAL-2026-000001-X")
				.retrieve()
				.toBodilessEntity()
				.getStatusCode()
				.value());
		}
		return answers;
	}

	private static int casesRead(WireMockServer instance) {
		return instance.countRequestsMatching(getRequestedFor(urlPathMatching("/api/v1/cases/.*")).build()).getCount();
	}

	private int submit(String idempotencyKey) {
		return http().post()
			.uri("/api/v1/complaints")
			.header("Idempotency-Key", idempotencyKey)
			.contentType(MediaType.APPLICATION_JSON)
			.body("{}")
			.retrieve()
			.toBodilessEntity()
			.getStatusCode()
			.value();
	}

	private static WireMockServer started() {
		WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());
		server.start();
		server.stubFor(get("/actuator/health/liveness").willReturn(okJson("{\"status\":\"UP\"}")));
		return server;
	}

	private static WireMockServer startedButNotYetLive() {
		WireMockServer server = started();
		server.stubFor(get("/actuator/health/liveness").willReturn(aResponse().withStatus(503)));
		return server;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
