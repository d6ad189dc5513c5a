package org.dak.gateway.audit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A request does not wait for its audit entry, and no entry is lost for that: entries
 * wait while the database is down and are written once it is back, a clean stop writes
 * what is waiting, a crash leaves it in the journal for the next start, and once the
 * trail holds all it may, no further state-changing call goes ahead.
 */
class AuditTrailTest {

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	@TempDir
	Path journal;

	private AuditProperties settings(int maxPending) {
		return new AuditProperties(maxPending, Duration.ofSeconds(10), this.journal);
	}

	private MongoServer server;

	private MongoClient client;

	@AfterEach
	void close() {
		if (this.client != null) {
			this.client.close();
		}
		if (this.server != null) {
			this.server.shutdownNow();
		}
	}

	private ReactiveMongoTemplate template(int port) {
		this.client = MongoClients.create(MongoClientSettings.builder()
			.applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + port))
			.applyToClusterSettings((cluster) -> cluster.serverSelectionTimeout(500, TimeUnit.MILLISECONDS))
			.build());
		return new ReactiveMongoTemplate(this.client, "gateway-test");
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/** A trail whose two entries could not be written: the database is not there. */
	private AuditTrail twoEntriesWaiting(ReactiveMongoTemplate mongo) {
		AuditTrail trail = new AuditTrail(mongo, this.meters, settings(10_000));
		trail.record("clerk", "POST /api/v1/complaints", "201", "10.0.0.1", "r-1").block();
		trail.record("dm", "POST /api/v1/inbox/decisions", "200", "10.0.0.2", "r-2").block();
		trail.flush();
		return trail;
	}

	@Test
	void entriesRecordedWhileTheDatabaseIsDownAreWrittenWhenItIsBack() throws IOException {
		int port = freePort();
		ReactiveMongoTemplate mongo = template(port);
		AuditTrail trail = twoEntriesWaiting(mongo);
		assertThat(this.meters.get("dak.audit.pending").gauge().value()).isEqualTo(2);

		this.server = new MongoServer(new MemoryBackend());
		this.server.bind(new InetSocketAddress("127.0.0.1", port));
		// the driver finds the database back at its next look; a later flush (the gateway
		// flushes every 200 ms) writes what waited
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			trail.flush();
			assertThat(this.meters.get("dak.audit.pending").gauge().value()).isZero();
		});

		assertThat(trail.find(null, null, null, 0, 10).map(AuditEntry::actor).collectList().block())
			.containsExactlyInAnyOrder("clerk", "dm");
	}

	@Test
	void aCleanStopWritesWhatIsWaiting() {
		this.server = new MongoServer(new MemoryBackend());
		ReactiveMongoTemplate mongo = template(this.server.bind().getPort());
		AuditTrail trail = new AuditTrail(mongo, this.meters, settings(10_000));
		for (int i = 0; i < 1500; i++) {
			trail.record("clerk", "POST /api/v1/complaints", "201", "10.0.0.1", "r-" + i).block();
		}

		trail.destroy();

		assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), AuditEntry.class).block())
			.isEqualTo(1500);
		assertThat(trail.find("clerk", Instant.EPOCH, null, 0, 5).collectList().block()).hasSize(5);
	}

	@Test
	void entriesACrashedGatewayHadNotWrittenAreWrittenByItsNextStart() throws IOException {
		int port = freePort();
		ReactiveMongoTemplate mongo = template(port);
		twoEntriesWaiting(mongo);
		// the database is away, then the gateway is killed: no destroy(), the memory is
		// gone

		this.server = new MongoServer(new MemoryBackend());
		this.server.bind(new InetSocketAddress("127.0.0.1", port));
		SimpleMeterRegistry restartedMeters = new SimpleMeterRegistry();
		AuditTrail restarted = new AuditTrail(mongo, restartedMeters, settings(10_000));
		assertThat(restartedMeters.get("dak.audit.pending").gauge().value()).isEqualTo(2);
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			restarted.flush();
			assertThat(restartedMeters.get("dak.audit.pending").gauge().value()).isZero();
		});
		assertThat(restarted.find(null, null, null, 0, 10).map(AuditEntry::requestId).collectList().block())
			.containsExactlyInAnyOrder("r-1", "r-2");

		// written: a third start finds nothing left over, and writes nothing twice
		AuditTrail third = new AuditTrail(mongo, new SimpleMeterRegistry(), settings(10_000));
		third.flush();
		assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), AuditEntry.class).block())
			.isEqualTo(2);
	}

	@Test
	void onceAsManyEntriesWaitAsAllowedNoFurtherStateChangingCallGoesAhead() throws IOException {
		ReactiveMongoTemplate mongo = template(freePort());
		AuditTrail trail = new AuditTrail(mongo, this.meters, settings(3));
		for (int i = 0; i < 3; i++) {
			assertThat(trail.hasRoom()).isTrue();
			trail.record("clerk", "POST /api/v1/complaints", "201", "10.0.0.1", "r-" + i).block();
		}
		trail.flush();

		assertThat(trail.hasRoom()).isFalse();
		assertThat(this.meters.get("dak.audit.refused").counter().count()).isEqualTo(1);
	}

}
