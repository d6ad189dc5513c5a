package org.dak.routing.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.bson.Document;
import org.dak.contracts.GoldenSamples;
import org.dak.contracts.Topic;
import org.dak.contracts.Topics;
import org.dak.support.events.Outbox;
import org.dak.testsupport.Http;
import org.dak.support.mongo.Maintenance;
import org.dak.testsupport.MongoReads;
import org.dak.testsupport.PublishedRecords;
import org.dak.testsupport.ServiceIntegrationTest;
import org.dak.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The outbox relay and the dead letters, seen from outside: what the broker refuses for
 * good is set aside while everything else flows, and every dead letter is counted.
 */
@ServiceIntegrationTest
@AutoConfigureMetrics
@Import(MongoReads.Recording.class)
class OutboxRelayIT {

	private static final AtomicInteger NEXT_ITEM = new AtomicInteger(100_000);

	@LocalServerPort
	int port;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	Outbox outbox;

	@Autowired
	MongoReads reads;

	@Test
	void anEventTheBrokerRefusesForGoodIsSetAsideAndTheOthersFlowOn() {
		String stuck = "NAL-2026-999990-X";
		this.outbox.write("inbox", stuck,
				() -> this.mongo.getCollection("inbox")
					.insertOne(new Document("_id", stuck).append("state", "MARKED")
						.append("outbox",
								List.of(new Document("eventId", "refused-" + UUID.randomUUID())
									.append("topic", "no such topic!")
									.append("eventType", "org.dak.complaint.routed")
									.append("key", stuck)
									.append("payload", "{}")
									.append("occurredAt", new Date())))));
		RestClient dm = Http.local(this.port, TestTokens.token("dm.nalanda", "DM"));
		String complaintId = received();

		ResponseEntity<JsonNode> marked = Http.json(dm, HttpMethod.POST, "/api/v1/inbox/" + complaintId + "/marking",
				Map.of("departmentCode", "SUPPLY"));

		assertThat(marked.getStatusCode().value()).isEqualTo(200);
		PublishedRecords.await(this.bootstrapServers, Topics.COMPLAINT_ROUTED, (r) -> complaintId.equals(r.key()),
				Duration.ofSeconds(30));
		await().atMost(Duration.ofSeconds(30)).until(() -> setAside(stuck) != null);
		assertThat(setAside(stuck).getString("setAsideReason")).contains("InvalidTopic");
		assertThat(metrics())
			.contains("dak_outbox_set_aside_total{application=\"routing-service\",collection=\"inbox\"}");
	}

	@Test
	void marksArePublishedWithoutTheRelayOrTheDeskReadingTheOtherItems() {
		for (int i = 0; i < 40; i++) {
			markedAndPublished();
		}
		this.reads.clear();
		// the sweep has looked a few times (every 100 ms here) with nothing to do
		await().atMost(Duration.ofSeconds(10)).until(() -> this.reads.on(Outbox.PENDING_COLLECTION).size() >= 5);
		assertThat(this.reads.on("inbox")).as("an idle relay reads no item").isEmpty();

		markedAndPublished();

		assertThat(this.reads.on("inbox")).as("marking reads and writes its item").isNotEmpty();
		assertThat(this.reads.scansOf(this.mongo, "inbox")).as("nothing reads every item").isEmpty();
		assertThat(this.reads.scansOf(this.mongo, "departments")).isEmpty();
		assertThat(this.reads.scansOf(this.mongo, "processed_events")).as("an event's check reads no other").isEmpty();
		assertThat(this.mongo.getCollection(Outbox.PENDING_COLLECTION).countDocuments())
			.as("the working set is empty again")
			.isZero();
	}

	@Test
	void theOutboxesAreLookedThroughOnceForADatabaseNotAtEveryStart() {
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.mongo.findById("outbox working set holds inbox", Document.class,
					Maintenance.COLLECTION) != null);
	}

	@Test
	void anEventStoredBeforeTheWorkingSetExistedIsFoundWhenTheOutboxesAreLookedThrough() {
		// as an earlier version stored it: the event inside the item, nothing else
		String earlier = "NAL-2026-999991-E";
		String eventId = UUID.randomUUID().toString();
		this.mongo.getCollection("inbox")
			.insertOne(new Document("_id", earlier).append("state", "MARKED")
				.append("outbox",
						List.of(new Document("eventId", eventId).append("topic", Topics.COMPLAINT_ROUTED)
							.append("eventType", "org.dak.complaint.routed")
							.append("key", earlier)
							.append("payload", GoldenSamples.json(Topic.COMPLAINT_ROUTED))
							.append("occurredAt", new Date()))));

		this.outbox.recover();

		PublishedRecords.await(this.bootstrapServers, Topics.COMPLAINT_ROUTED, (r) -> earlier.equals(r.key()),
				Duration.ofSeconds(30));
	}

	@Test
	void everyDeadLetterIsCountedByItsTopic() {
		PublishedRecords.send(this.bootstrapServers, Topics.DEADLINE_BREACHED, "POISON-" + UUID.randomUUID(),
				"{not an event".getBytes(StandardCharsets.UTF_8));

		await().atMost(Duration.ofSeconds(30))
			.until(() -> metrics().contains(
					"dak_events_dead_letters_total{application=\"routing-service\",topic=\"deadline-breached\"}"));
	}

	private Document setAside(String id) {
		Document document = this.mongo.getCollection("inbox").find(new Document("_id", id)).first();
		Document event = document.getList("outbox", Document.class).get(0);
		return (event.get("setAsideAt") != null) ? event : null;
	}

	private void markedAndPublished() {
		String complaintId = received();
		RestClient dm = Http.local(this.port, TestTokens.token("dm.nalanda", "DM"));
		assertThat(Http
			.json(dm, HttpMethod.POST, "/api/v1/inbox/" + complaintId + "/marking", Map.of("departmentCode", "SUPPLY"))
			.getStatusCode()
			.value()).isEqualTo(200);
		PublishedRecords.await(this.bootstrapServers, Topics.COMPLAINT_ROUTED, (r) -> complaintId.equals(r.key()),
				Duration.ofSeconds(30));
	}

	private String metrics() {
		return Http.local(this.port).get().uri("/actuator/prometheus").retrieve().body(String.class);
	}

	private String received() {
		// one number each: drawn at random, two items could meet and the second one's
		// marking be refused as already marked (CI once got a 409 here)
		String complaintId = "NAL-2026-" + NEXT_ITEM.incrementAndGet() + "-R";
		String event = GoldenSamples.json(Topic.COMPLAINT_RECEIVED)
			.replace("NAL-2026-000123-C", complaintId)
			.replace("0b9d5c8e-6f1a-4f43-9a57-1d6f0f3f2a10", UUID.randomUUID().toString());
		PublishedRecords.send(this.bootstrapServers, Topics.COMPLAINT_RECEIVED, complaintId,
				event.getBytes(StandardCharsets.UTF_8));
		RestClient dm = Http.local(this.port, TestTokens.token("dm.nalanda", "DM"));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> dm.get()
				.uri("/api/v1/inbox/" + complaintId)
				.retrieve()
				.toBodilessEntity()
				.getStatusCode()
				.value() == 200);
		return complaintId;
	}

}
