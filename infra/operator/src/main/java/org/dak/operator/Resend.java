package org.dak.operator;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.bson.Document;

/**
 * Has the messages about an item that did not arrive sent again, through the gateway as
 * the DM's office would ({@code POST /api/v1/notifications/resend}): it signs in with an
 * account that has the {@code DM} role, so the request is checked and recorded like any
 * other, and nobody needs a way around the gateway.
 */
final class Resend {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final String gateway;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

	Resend(String gateway) {
		this.gateway = gateway.endsWith("/") ? gateway.substring(0, gateway.length() - 1) : gateway;
	}

	/** What was sent again, and how many other messages there were. */
	record Outcome(List<Document> resent, int unchanged) {
	}

	/**
	 * Signs in and asks for the item's failed messages to be sent again.
	 * @throws IllegalStateException with the gateway's words, if it refuses
	 */
	Outcome resend(String receiptNumber, String username, char[] password) {
		Document signIn = new Document("username", username).append("password", new String(password));
		Document tokens = call(HttpRequest.newBuilder(URI.create(this.gateway + "/api/v1/auth/login"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(signIn.toJson())), "signing in as " + username);
		Document answer = call(
				HttpRequest
					.newBuilder(URI.create(this.gateway + "/api/v1/notifications/resend?complaintId="
							+ URLEncoder.encode(receiptNumber, StandardCharsets.UTF_8)))
					.header("Authorization", "Bearer " + tokens.getString("accessToken"))
					.POST(HttpRequest.BodyPublishers.noBody()),
				"asking to send " + receiptNumber + "'s messages again");
		return new Outcome(answer.getList("resent", Document.class), answer.getInteger("unchanged", 0));
	}

	private Document call(HttpRequest.Builder request, String doing) {
		try {
			HttpResponse<String> response = this.http.send(request.timeout(TIMEOUT).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			if (response.statusCode() / 100 != 2) {
				String detail = response.body();
				try {
					Document problem = Document.parse(response.body());
					detail = problem.getString("detail") != null ? problem.getString("detail")
							: problem.getString("title");
				}
				catch (RuntimeException notJson) {
					// the body as it came
				}
				throw new IllegalStateException(doing + ": HTTP " + response.statusCode() + ": " + detail);
			}
			return Document.parse(response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(doing + ": the gateway at " + this.gateway + " did not answer: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

}
