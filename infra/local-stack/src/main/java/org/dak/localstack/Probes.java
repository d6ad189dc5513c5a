package org.dak.localstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Is it up yet? Port and HTTP health probes.
 */
public final class Probes {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	private Probes() {
	}

	public static boolean portOpen(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** Whether {@code GET url} answers 200 with a body containing the text. */
	public static boolean answers(String url, String containing) {
		try {
			HttpResponse<String> response = http.send(
					HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
					HttpResponse.BodyHandlers.ofString());
			return response.statusCode() == 200 && response.body().contains(containing);
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** Whether a Spring Boot service at the base URL reports itself UP. */
	public static boolean healthy(String baseUrl) {
		return answers(baseUrl + "/actuator/health", "\"UP\"");
	}

}
