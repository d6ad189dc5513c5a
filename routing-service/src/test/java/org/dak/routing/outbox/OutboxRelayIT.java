package org.dak.routing.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.dak.contracts.GoldenSamples;
import org.dak.contracts.Topic;
import org.dak.contracts.Topics;
import org.dak.testsupport.Http;
import org.dak.testsupport.PublishedRecords;
import org.dak.testsupport.ServiceIntegrationTest;
import org.dak.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.web.server.LocalServerPort;
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
class OutboxRelayIT {

	@LocalServerPort
	int port;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Autowired
	MongoTemplate mongo;

	@Test
	void anEventTheBrokerRefusesForGoodIsSetAsideAndTheOthersFlowOn() {
		String stuck = "NAL-2026-999990-X";
		this.mongo.getCollection("inbox")
			.insertOne(new Document("_id", stuck).append("state", "MARKED")
				.append("outbox",
						List.of(new Document("eventId", "refused-" + UUID.randomUUID())
							.append("topic", "no such topic!")
							.append("eventType", "org.dak.complaint.routed")
							.append("key", stuck)
							.append("payload", "{}")
							.append("occurredAt", new Date()))));
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

	private String metrics() {
		return Http.local(this.port).get().uri("/actuator/prometheus").retrieve().body(String.class);
	}

	private String received() {
		String complaintId = "NAL-2026-" + (100000 + (int) (Math.random() * 800000)) + "-R";
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
