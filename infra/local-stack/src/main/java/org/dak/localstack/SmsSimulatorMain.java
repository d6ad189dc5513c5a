package org.dak.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An SMS provider simulator for the local stack. It takes what a real HTTP SMS gateway
 * takes ({@code POST /api/sms} with a JSON body), answers 202 with a message ID, keeps
 * every message in a file, and shows them at {@code GET /} (and as JSON at
 * {@code GET /api/sms}). Given a callback URL and token, it reports each message
 * delivered a moment later, as a provider's delivery receipt. Arguments: port, data file,
 * and optionally callback URL and token.
 * <p>
 * To see how the system copes with a provider in trouble, {@code POST /faults} makes it
 * fail for a while: {@code ?status=503&seconds=120} answers 503 (keeping nothing), and
 * {@code ?delayMs=15000&seconds=60} answers every message that late; {@code DELETE
 * /faults} ends either at once.
 */
public final class SmsSimulatorMain {

	private SmsSimulatorMain() {
	}

	/** Until when, and with which status, the provider fails; 0: it does not. */
	private static volatile long failingUntil;

	private static volatile int failingStatus;

	/** Until when, and how late, the provider answers. */
	private static volatile long slowUntil;

	private static volatile long slowMillis;

	public static void main(String[] args) throws IOException {
		int port = Integer.parseInt(args[0]);
		Path store = Path.of(args[1]);
		Files.createDirectories(store.toAbsolutePath().getParent());
		if (!Files.exists(store)) {
			Files.createFile(store);
		}
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
		server.createContext("/faults", SmsSimulatorMain::faults);
		server.createContext("/api/sms", (exchange) -> {
			if ("POST".equals(exchange.getRequestMethod()) && System.currentTimeMillis() < failingUntil) {
				exchange.getRequestBody().readAllBytes();
				respond(exchange, failingStatus, "application/json", "{\"status\":\"unavailable\"}");
			}
			else if ("POST".equals(exchange.getRequestMethod())) {
				if (System.currentTimeMillis() < slowUntil) {
					pause(slowMillis);
				}
				String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).replace('\n',
						' ');
				String id = UUID.randomUUID().toString();
				String line = "{\"id\":\"" + id + "\",\"receivedAt\":\"" + Instant.now() + "\",\"request\":" + body
						+ "}\n";
				synchronized (SmsSimulatorMain.class) {
					Files.writeString(store, line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
				}
				System.out.println("SMS " + body);
				respond(exchange, 202, "application/json", "{\"id\":\"" + id + "\",\"status\":\"accepted\"}");
				if (args.length >= 4) {
					report(args[2], args[3], body);
				}
			}
			else {
				List<String> lines = Files.readAllLines(store, StandardCharsets.UTF_8);
				respond(exchange, 200, "application/json", "[" + String.join(",", lines) + "]");
			}
		});
		server.createContext("/", (exchange) -> respond(exchange, 200, "text/html; charset=utf-8", PAGE));
		// a slow answer must not hold up the others
		server.setExecutor(Executors.newCachedThreadPool());
		server.start();
		System.out.println("SMS simulator on http://127.0.0.1:" + port + "/ , messages in " + store);
	}

	/** Starts or ends a fault of the provider. */
	private static void faults(HttpExchange exchange) throws IOException {
		if ("DELETE".equals(exchange.getRequestMethod())) {
			failingUntil = 0;
			slowUntil = 0;
			respond(exchange, 204, "text/plain", "");
			return;
		}
		if (!"POST".equals(exchange.getRequestMethod())) {
			respond(exchange, 405, "text/plain", "POST or DELETE");
			return;
		}
		Map<String, Long> query = new HashMap<>();
		String raw = exchange.getRequestURI().getQuery();
		for (String pair : (raw != null) ? raw.split("&") : new String[0]) {
			String[] parts = pair.split("=", 2);
			try {
				query.put(parts[0], Long.parseLong(parts.length > 1 ? parts[1] : ""));
			}
			catch (NumberFormatException ex) {
				respond(exchange, 400, "text/plain", "Not a number: " + pair);
				return;
			}
		}
		long until = System.currentTimeMillis() + 1000 * query.getOrDefault("seconds", 60L);
		if (query.containsKey("delayMs")) {
			slowMillis = query.get("delayMs");
			slowUntil = until;
		}
		else {
			failingStatus = query.getOrDefault("status", 503L).intValue();
			failingUntil = until;
		}
		System.out.println("SMS provider fault: " + query);
		respond(exchange, 204, "text/plain", "");
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static final Pattern REFERENCE = Pattern.compile("\"reference\"\\s*:\\s*\"([^\"]+)\"");

	private static final HttpClient CALLBACKS = HttpClient.newHttpClient();

	/** A delivery receipt for the message, a second later, as providers send them. */
	private static void report(String callback, String token, String body) {
		Matcher reference = REFERENCE.matcher(body);
		if (!reference.find()) {
			return;
		}
		HttpRequest receipt = HttpRequest.newBuilder(URI.create(callback))
			.header("Content-Type", "application/json")
			.header("X-Dak-Callback-Token", token)
			.POST(HttpRequest.BodyPublishers
				.ofString("{\"reference\":\"" + reference.group(1) + "\",\"status\":\"DELIVERED\"}"))
			.build();
		CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS)
			.execute(() -> CALLBACKS.sendAsync(receipt, HttpResponse.BodyHandlers.discarding()));
	}

	private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", type);
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	private static final String PAGE = """
			<!doctype html><html lang="hi"><head><meta charset="utf-8"><title>SMS simulator</title>
			<style>body{font-family:system-ui,"Noto Sans Devanagari",sans-serif;margin:1rem}
			td,th{border-bottom:1px solid #ddd;padding:.4rem;text-align:left;vertical-align:top}</style></head>
			<body><h1>SMS simulator · एसएमएस</h1><p>Every SMS the services sent, newest first.</p>
			<table><thead><tr><th>Received</th><th>To</th><th>Sender</th><th>Message</th><th>DLT template</th><th>Reference</th></tr></thead>
			<tbody id="rows"></tbody></table>
			<script>
			fetch('/api/sms').then(r => r.json()).then(list => {
			  const rows = document.getElementById('rows');
			  list.reverse().forEach(m => {
			    const tr = document.createElement('tr');
			    [m.receivedAt, m.request.to, m.request.sender, m.request.message, m.request.templateId, m.request.reference].forEach(v => {
			      const td = document.createElement('td'); td.textContent = v ?? ''; tr.appendChild(td);
			    });
			    rows.appendChild(tr);
			  });
			});
			</script></body></html>
			""";

}
