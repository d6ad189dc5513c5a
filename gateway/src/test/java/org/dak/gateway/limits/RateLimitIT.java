package org.dak.gateway.limits;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.dak.gateway.GatewayTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RateLimitIT extends GatewayTestBase {

	/**
	 * The counts run in windows of a minute on the clock: a test begun in a window's last
	 * seconds would see its count start again halfway, so it waits for the next window.
	 */
	@BeforeEach
	void beginEarlyInAWindow() {
		await().atMost(Duration.ofSeconds(20)).until(() -> System.currentTimeMillis() % 60_000 < 45_000);
	}

	@Test
	void guessingReceiptNumbersGivesNotFoundsAndThenTooManyRequests() {
		services.stubFor(get(urlPathMatching("/api/v1/public/track/.*")).willReturn(aResponse().withStatus(404)));
		List<Integer> statuses = new ArrayList<>();
		ResponseEntity<String> last = null;
		for (int i = 0; i < 25; i++) {
			last = http().get()
				.uri("/api/v1/public/track/NAL-2026-%06d-A?code=AAAABBBBCCCCDDDD".formatted(i))
				.retrieve()
				.toEntity(String.class);
			statuses.add(last.getStatusCode().value());
		}

		assertThat(statuses.subList(0, 15)).containsOnly(404);
		assertThat(statuses.subList(15, 25)).containsOnly(429);
		assertThat(last.getBody()).contains("/problems/too-many-requests");
		assertThat(Integer.parseInt(last.getHeaders().getFirst("Retry-After"))).isPositive();
	}

	@Test
	void anotherClientAddressHasItsOwnCount() {
		services.stubFor(get(urlPathMatching("/api/v1/public/track/.*")).willReturn(aResponse().withStatus(404)));
		for (int i = 0; i < 16; i++) {
			http().get().uri("/api/v1/public/track/NAL-2026-000001-A?code=X").retrieve().toBodilessEntity();
		}
		ownClientAddress();

		assertThat(http().get()
			.uri("/api/v1/public/track/NAL-2026-000001-A?code=X")
			.retrieve()
			.toBodilessEntity()
			.getStatusCode()
			.value()).isEqualTo(404);
	}

	@Test
	void aSpoofedForwardedForEntryDoesNotEscapeTheLimit() {
		services.stubFor(get(urlPathMatching("/api/v1/public/track/.*")).willReturn(aResponse().withStatus(404)));
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			// a client writing a new address in front each time: the entry our trusted
			// proxy appended, on the right, is the one counted
			String chain = "192.0.2." + i + ", " + this.clientAddress;
			statuses.add(http().mutate()
				.defaultHeaders((headers) -> headers.set("X-Forwarded-For", chain))
				.build()
				.get()
				.uri("/api/v1/public/track/NAL-2026-000001-A?code=X")
				.retrieve()
				.toBodilessEntity()
				.getStatusCode()
				.value());
		}

		assertThat(statuses.subList(15, 20)).containsOnly(429);
	}

	@Test
	void signInAttemptsAreLimitedPerClientAddress() {
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 45; i++) {
			statuses.add(signIn(unique("nobody"), "wrong-password").getStatusCode().value());
		}

		assertThat(statuses.subList(0, 40)).containsOnly(401);
		assertThat(statuses.subList(40, 45)).containsOnly(429);
	}

	@Test
	void signInUnderAnotherSpellingCountsAgainstTheSameLimit() {
		// each reaches sign-in (capitals or a trailing slash do not: no route or rule
		// takes them, so they are refused before they could be counted or answered)
		List<String> spellings = List.of("/api/v1/auth/login", "/api/v1/auth/l%6Fgin", "/api/v1/%61uth/login",
				"/api/v1/auth/log%69n", "/api/v1/auth/%6c%6f%67%69%6e");
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 45; i++) {
			// as sent, not encoded again by the client
			URI uri = URI.create("http://127.0.0.1:" + this.port + spellings.get(i % spellings.size()));
			statuses.add(http().post()
				.uri(uri)
				.contentType(MediaType.APPLICATION_JSON)
				.body("{\"username\":\"" + unique("nobody") + "\",\"password\":\"wrong\"}")
				.retrieve()
				.toBodilessEntity()
				.getStatusCode()
				.value());
		}

		assertThat(statuses.subList(0, 40)).doesNotContain(429);
		assertThat(statuses.subList(40, 45)).containsOnly(429);
	}

}
