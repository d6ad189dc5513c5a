package org.dak.systemtest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for a trace collector: takes what the services export over OTLP/HTTP
 * ({@code POST /v1/traces}, protobuf) and keeps the last few thousand exports. A test
 * finds a trace in them by its ID's 16 bytes and each service by its {@code service.name}
 * resource attribute, both carried as they are in the protobuf, so no OTLP library is
 * needed to read them.
 */
final class TraceSink implements AutoCloseable {

	private static final int KEPT = 5_000;

	private final HttpServer server;

	private final Deque<byte[]> exports = new ConcurrentLinkedDeque<>();

	TraceSink() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/v1/traces", (exchange) -> {
			try (InputStream body = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
					? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()) {
				this.exports.addLast(body.readAllBytes());
			}
			while (this.exports.size() > KEPT) {
				this.exports.pollFirst();
			}
			exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		this.server.start();
	}

	/** Where the services send their spans. */
	String endpoint() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/v1/traces";
	}

	/** The services that exported spans of the trace, by their {@code service.name}. */
	List<String> servicesIn(String traceId, List<String> services) {
		byte[] id = HexFormat.of().parseHex(traceId);
		List<String> found = new ArrayList<>();
		for (String service : services) {
			byte[] name = service.getBytes(StandardCharsets.UTF_8);
			if (this.exports.stream().anyMatch((export) -> contains(export, id) && contains(export, name))) {
				found.add(service);
			}
		}
		return found;
	}

	private static boolean contains(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i + needle.length <= haystack.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
