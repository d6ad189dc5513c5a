package org.dak.testsupport;

import tools.jackson.databind.JsonNode;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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

	/** A multipart part holding a file, as a browser or bridge uploads it. */
	public static HttpEntity<ByteArrayResource> filePart(String name, String filename, MediaType type, byte[] content) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(type);
		headers.setContentDispositionFormData(name, filename);
		return new HttpEntity<>(new ByteArrayResource(content) {
			@Override
			public String getFilename() {
				return filename;
			}
		}, headers);
	}

	/** A multipart part holding JSON. */
	public static HttpEntity<Object> jsonPart(Object value) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return new HttpEntity<>(value, headers);
	}

	/** Sends {@code body} as JSON and hands back the answer, errors included. */
	public static ResponseEntity<JsonNode> json(RestClient client, HttpMethod method, String path, Object body) {
		return client.method(method)
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.toEntity(JsonNode.class);
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
