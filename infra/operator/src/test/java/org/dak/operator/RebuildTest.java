package org.dak.operator;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code dak rebuild tracking} on the embedded MongoDB server and a real broker: the
 * request is left only while tracking is stopped. (What tracking then does is
 * {@code RebuildFromTheTopicsIT}'s; both ends together, {@code RebuildIT}'s.)
 */
class RebuildTest {

	MongoServer server;

	String uri;

	EmbeddedKafkaKraftBroker broker;

	@BeforeEach
	void aBrokerAndADatabase() {
		this.server = new MongoServer(new MemoryBackend());
		this.uri = this.server.bindAndGetConnectionString();
		this.broker = new EmbeddedKafkaKraftBroker(1, 2, "status-updated");
		this.broker.afterPropertiesSet();
	}

	@AfterEach
	void stop() {
		this.server.shutdown();
		this.broker.destroy();
	}

	@Test
	void aStoppedTrackingIsAskedToRebuildItsCasesAtItsNextStart() {
		Output output = operator("rebuild", "tracking");

		assertThat(output.exit()).as(output.errors()).isZero();
		assertThat(output.out()).contains("tracking-service rebuilds its cases", "next start", "dak start tracking");
		assertThat(requests("dak_tracking")).singleElement().isEqualTo("rebuild requested: the cases, from the topics");
	}

	@Test
	void aRunningTrackingIsNotAskedAndTheOperatorIsToldToStopItFirst() {
		try (KafkaConsumer<String, String> tracking = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.getBrokersAsString(),
						ConsumerConfig.GROUP_ID_CONFIG, "tracking-service"),
				new StringDeserializer(), new StringDeserializer())) {
			tracking.subscribe(List.of("status-updated"));
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (tracking.assignment().isEmpty() && System.nanoTime() < deadline) {
				tracking.poll(Duration.ofMillis(200));
			}

			Output output = operator("rebuild", "tracking");

			assertThat(output.exit()).isEqualTo(1);
			assertThat(output.errors()).contains("tracking-service is still running", "dak stop tracking");
			assertThat(requests("dak_tracking")).isEmpty();
		}
	}

	@Test
	void aServiceWithNothingToRebuildIsNamedAsSuchAndAnotherDatabaseCanBeGiven() {
		Output routing = operator("rebuild", "routing");
		Output elsewhere = operator("rebuild", "tracking", "--database", "dak_tracking_patna");

		assertThat(routing.exit()).isEqualTo(2);
		assertThat(routing.errors()).contains("'routing' has nothing to rebuild", "[tracking]");
		assertThat(elsewhere.exit()).as(elsewhere.errors()).isZero();
		assertThat(requests("dak_tracking_patna")).hasSize(1);
		assertThat(requests("dak_tracking")).isEmpty();
	}

	private List<String> requests(String database) {
		try (MongoClient mongo = MongoClients.create(this.uri)) {
			return mongo.getDatabase(database)
				.getCollection("maintenance")
				.find()
				.map((mark) -> mark.getString("_id"))
				.into(new java.util.ArrayList<>());
		}
	}

	private record Output(int exit, String out, String errors) {
	}

	private Output operator(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exit = Operator.run(args,
				Map.of("MONGODB_URI", this.uri, "KAFKA_BOOTSTRAP_SERVERS", this.broker.getBrokersAsString()),
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Output(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

}
