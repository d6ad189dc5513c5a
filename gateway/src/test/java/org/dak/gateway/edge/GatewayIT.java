package org.dak.gateway.edge;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

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
import static org.assertj.core.api.Assertions.assertThatCode;

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
	void theServicesAreToldTheClientsAddressAsTheGatewayJudgedItNotAsTheCallerClaims() {
		services.stubFor(get(urlEqualTo("/track/NAL-2026-000002-X?code=A")).willReturn(aResponse().withStatus(200)));

		http().get()
			.uri("/track/NAL-2026-000002-X?code=A")
			.header("X-Dak-Client-Address", "192.0.2.66")
			.retrieve()
			.toBodilessEntity();

		services.verify(getRequestedFor(urlEqualTo("/track/NAL-2026-000002-X?code=A"))
			.withHeader("X-Dak-Client-Address", matching(java.util.regex.Pattern.quote(this.clientAddress))));
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
	void anUploadIsAsLargeAsAnUploadOnlyWhereUploadsAreTaken() {
		services.stubFor(post(urlEqualTo("/api/v1/complaints")).willReturn(aResponse().withStatus(201)));
		byte[] twentyKilobytes = multipart(20_000);

		int toOpen311 = anonymousUpload("/open311/v2/requests.json", twentyKilobytes, null);
		int toTheScanner = anonymousUpload("/api/v1/cases/scan", twentyKilobytes, null);
		int toTheScannerSignedIn = anonymousUpload("/api/v1/cases/scan", twentyKilobytes, "Bearer not-checked-yet");
		int aCitizensNewItem = anonymousUpload("/api/v1/complaints", twentyKilobytes, null);

		assertThat(toOpen311).as("a path that takes no files: the ordinary limit").isEqualTo(413);
		assertThat(toTheScanner).as("staff's upload, without sign-in: the ordinary limit").isEqualTo(413);
		assertThat(toTheScannerSignedIn).as("with credentials, the security chain judges them").isEqualTo(401);
		assertThat(aCitizensNewItem).isEqualTo(201);
	}

	@Test
	void aBodyThatStopsComingIsEnded() throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(15_000);
			OutputStream out = socket.getOutputStream();
			out.write(("POST /open311/v2/requests.json HTTP/1.1\r\nHost: localhost\r\n"
					+ "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n"
					+ "X-Forwarded-For: " + this.clientAddress + "\r\n\r\nservice_code=road&lat=25.2")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();

			// nothing more is sent: the gateway ends the request after its idle upload
			// timeout (2 s here), long before the socket's own 15 s
			InputStream in = socket.getInputStream();
			byte[] answer = new byte[4096];
			assertThatCode(() -> {
				while (in.read(answer) >= 0) {
					// whatever it answers before it closes
				}
			}).doesNotThrowAnyException();
		}
	}

	private int anonymousUpload(String path, byte[] body, String authorization) {
		var request = http().post()
			.uri(path)
			.contentType(MediaType.parseMediaType("multipart/form-data; boundary=dak-boundary"));
		if (authorization != null) {
			request = request.header("Authorization", authorization);
		}
		return request.body(body).retrieve().toBodilessEntity().getStatusCode().value();
	}

	private static byte[] multipart(int size) {
		String head = "--dak-boundary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"letter.pdf\"\r\n"
				+ "Content-Type: application/pdf\r\n\r\n";
		String tail = "\r\n--dak-boundary--\r\n";
		return (head + "x".repeat(size - head.length() - tail.length()) + tail).getBytes(StandardCharsets.US_ASCII);
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
