package org.dak.testsupport;

import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClient;

/**
 * An HTTP client that hands back every answer, errors included, for the test to look at:
 * status, headers and problem document.
 */
public final class Http {

	private Http() {
	}

	public static RestClient client(String baseUrl) {
		return RestClient.builder()
			.baseUrl(baseUrl)
			.defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
			})
			.build();
	}

	/** An anonymous client for the service a test started on {@code port}. */
	public static RestClient local(int port) {
		return client("http://localhost:" + port);
	}

	/**
	 * A client for the service on {@code port} that sends the access token with every
	 * call.
	 */
	public static RestClient local(int port, String token) {
		return client("http://localhost:" + port).mutate()
			.defaultHeader("Authorization", TestTokens.bearer(token))
			.build();
	}

}
