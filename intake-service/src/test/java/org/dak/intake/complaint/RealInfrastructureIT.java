package org.dak.intake.complaint;

import java.time.Duration;
import java.util.Map;

import org.dak.contracts.Topics;
import org.dak.testsupport.PublishedRecords;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same intake against a real MongoDB and a real Kafka in containers: what the
 * embedded server and in-JVM broker stand in for. Skipped (reported as such) where there
 * is no Docker engine.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RealInfrastructureIT {

	@Container
	static MongoDBContainer mongo = new MongoDBContainer("mongo:8.0");

	@Container
	static KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.2");

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		registry.add("spring.mongodb.uri", mongo::getReplicaSetUrl);
		registry.add("spring.kafka.bootstrap-servers", kafka::getBootstrapServers);
	}

	@LocalServerPort
	int port;

	@Test
	void acceptsAComplaintIntoRealMongoDbAndPublishesItToRealKafka() {
		JsonNode receipt = RestClient.create("http://localhost:" + this.port)
			.post()
			.uri("/api/v1/complaints")
			.contentType(MediaType.APPLICATION_JSON)
			.header("Idempotency-Key", "containers-1")
			.body(Map.of("channel", "WALK_IN", "applicant", Map.of("name", "सुरेश प्रसाद"), "subject", "भूमि विवाद",
					"description", "सीमांकन हेतु आवेदन"))
			.retrieve()
			.body(JsonNode.class);
		String receiptNumber = receipt.get("receiptNumber").asString();

		var record = PublishedRecords.await(kafka.getBootstrapServers(), Topics.COMPLAINT_RECEIVED,
				(r) -> receiptNumber.equals(r.key()), Duration.ofSeconds(60));

		assertThat(PublishedRecords.text(record)).contains("भूमि विवाद");
	}

}
