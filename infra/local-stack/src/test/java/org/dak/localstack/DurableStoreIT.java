package org.dak.localstack;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded MongoDB server killed with {@code kill -9} while eight callers draw
 * receipt numbers and store items under them: after it is started again on the same file,
 * every item it acknowledged is there, and the counter goes on above every number it ever
 * handed out.
 */
class DurableStoreIT {

	@TempDir
	Path data;

	ChildProcess server;

	@AfterEach
	void stopTheServer() {
		if (this.server != null) {
			this.server.stop();
		}
	}

	@Test
	void everyAcknowledgedWriteSurvivesAKillAndNoNumberIsHandedOutTwice() throws Exception {
		int port = freePort();
		Path file = this.data.resolve("dak.mv");
		start(port, file);
		Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
		List<Long> handedOutTwice = new ArrayList<>();
		AtomicBoolean running = new AtomicBoolean(true);
		ExecutorService callers = Executors.newFixedThreadPool(8);
		try (MongoClient mongo = client(port)) {
			MongoCollection<Document> counters = mongo.getDatabase("dak_intake").getCollection("counters");
			MongoCollection<Document> items = mongo.getDatabase("dak_intake").getCollection("complaints");
			for (int caller = 0; caller < 8; caller++) {
				callers.submit(() -> {
					while (running.get()) {
						try {
							long number = draw(counters);
							items.insertOne(new Document("_id", "item-" + number).append("subject", "सड़क टूटी है")
								.append("text", "x".repeat(500)));
							if (!acknowledged.add(number)) {
								synchronized (handedOutTwice) {
									handedOutTwice.add(number);
								}
							}
						}
						catch (RuntimeException ex) {
							// the server is gone: this caller's last write was not
							// acknowledged
							return;
						}
					}
				});
			}
			// acknowledged writes keep arriving while it is killed
			awaitAtLeast(acknowledged, 300);
			this.server.kill();
			running.set(false);
			callers.shutdown();
			assertThat(callers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
		}

		start(port, file);
		try (MongoClient mongo = client(port)) {
			MongoCollection<Document> items = mongo.getDatabase("dak_intake").getCollection("complaints");
			List<Long> lost = acknowledged.stream()
				.filter((number) -> items.find(Filters.eq("_id", "item-" + number)).first() == null)
				.sorted()
				.toList();
			assertThat(lost).as("acknowledged items gone after the kill, of " + acknowledged.size()).isEmpty();
			assertThat(handedOutTwice).isEmpty();
			long next = draw(mongo.getDatabase("dak_intake").getCollection("counters"));
			assertThat(next).as("the next number after the restart")
				.isGreaterThan(acknowledged.stream().mapToLong(Long::longValue).max().orElseThrow());
		}
	}

	private void start(int port, Path file) {
		this.server = ChildProcess.java("mongodb", System.getProperty("java.class.path"),
				MongoServerMain.class.getName(), List.of("-Xmx256m", "-XX:+UseSerialGC"),
				List.of(String.valueOf(port), file.toString()), this.data.resolve("mongodb.log"));
		this.server.start();
		this.server.awaitReady(() -> Probes.portOpen(port), Duration.ofSeconds(60));
	}

	private static long draw(MongoCollection<Document> counters) {
		Document counter = counters.findOneAndUpdate(Filters.eq("_id", "NAL-2026"), Updates.inc("seq", 1L),
				new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
		return counter.get("seq", Number.class).longValue();
	}

	private static MongoClient client(int port) {
		return MongoClients.create("mongodb://127.0.0.1:" + port
				+ "/?serverSelectionTimeoutMS=5000&connectTimeoutMS=2000&socketTimeoutMS=5000&retryWrites=false");
	}

	private static void awaitAtLeast(Set<Long> acknowledged, int count) {
		Awaitility.await("acknowledged before the kill")
			.atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> acknowledged.size() >= count);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
