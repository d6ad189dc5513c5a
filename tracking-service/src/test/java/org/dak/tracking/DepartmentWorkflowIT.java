package org.dak.tracking;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dak.contracts.ComplaintRecalled;
import org.dak.contracts.GoldenSamples;
import org.dak.contracts.NotificationDispatched;
import org.dak.contracts.StatusUpdated;
import org.dak.contracts.Topics;
import org.dak.support.events.EventJson;
import org.dak.items.identity.ReceiptNumbers;
import org.dak.testsupport.Http;
import org.dak.testsupport.PublishedRecords;
import org.dak.testsupport.ServiceIntegrationTest;
import org.dak.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ServiceIntegrationTest
class DepartmentWorkflowIT {

	private static final byte[] REPORT = "%PDF-1.4\n% site inspection report\n%%EOF\n".getBytes(StandardCharsets.UTF_8);

	private static int serial = 900;

	@LocalServerPort
	int port;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	TrackedItems items;

	RestClient supply;

	@BeforeEach
	void setUp() {
		this.items = new TrackedItems(this.bootstrapServers, this.port);
		this.supply = Http.local(this.port, TestTokens.officer("SUPPLY"));
	}

	@Test
	void aDepartmentAcknowledgesForwardsToAnOfficeActsWithEvidenceAndRepliesInTheMeantime() {
		this.items.department("SUPPLY", "BLOCK_RAJGIR", "BLOCK_NALANDA");
		String id = markedItem("SUPPLY", List.of());

		assertThat(step(id, Map.of("step", "ACKNOWLEDGE")).getBody().get("status").asString()).isEqualTo("IN_PROGRESS");
		assertThat(step(id, Map.of("step", "ACKNOWLEDGE")).getBody().get("type").asString())
			.isEqualTo("/problems/already-acknowledged");
		assertThat(step(id, Map.of("step", "FORWARD", "officeCode", "BLOCK_NOWHERE")).getBody().get("type").asString())
			.isEqualTo("/problems/unknown-office");
		await().atMost(Duration.ofSeconds(30))
			.until(() -> step(id, Map.of("step", "FORWARD", "officeCode", "BLOCK_RAJGIR", "note", "स्थल जाँच करें"))
				.getStatusCode()
				.value() == 200);
		ResponseEntity<JsonNode> action = actionTaken(id, "स्थल जाँच की गई; नाम जोड़ने की अनुशंसा", REPORT);
		ResponseEntity<JsonNode> interim = step(id,
				Map.of("step", "INTERIM_REPLY", "note", "आपके आवेदन पर प्रखंड कार्यालय में कार्रवाई जारी है।"));

		assertThat(action.getStatusCode().value()).isEqualTo(200);
		assertThat(interim.getBody().get("officeCode").asString()).isEqualTo("BLOCK_RAJGIR");
		JsonNode timeline = interim.getBody().get("timeline");
		assertThat(timeline.findValuesAsString("step")).containsExactly("ACKNOWLEDGED", "FORWARDED", "ACTION_TAKEN",
				"INTERIM_REPLY");
		JsonNode evidence = timeline.get(4).get("evidence").get(0);
		assertThat(evidence.get("mediaType").asString()).isEqualTo("application/pdf");
		byte[] downloaded = this.supply.get()
			.uri("/api/v1/cases/" + id + "/evidence/" + evidence.get("id").asString())
			.retrieve()
			.body(byte[].class);
		assertThat(downloaded).isEqualTo(REPORT);
		assertThat(Http.local(this.port, TestTokens.officer("POLICE"))
			.get()
			.uri("/api/v1/cases/" + id + "/evidence/" + evidence.get("id").asString())
			.retrieve()
			.toEntity(byte[].class)
			.getStatusCode()
			.value()).isEqualTo(404);
		JsonNode publicView = Http.local(this.port)
			.get()
			.uri("/api/v1/public/track/" + id + "?code=" + TrackedItems.CODE)
			.retrieve()
			.body(JsonNode.class);
		assertThat(publicView.toString())
			.contains("आपके आवेदन पर प्रखंड कार्यालय में कार्रवाई जारी है।", "Interim reply")
			.doesNotContain("स्थल जाँच", "BLOCK_RAJGIR", evidence.get("id").asString());
		List<String> steps = new java.util.ArrayList<>();
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			ConsumerRecord<String, byte[]> record = PublishedRecords.await(this.bootstrapServers, Topics.STATUS_UPDATED,
					(r) -> id.equals(r.key()) && stepOf(r) != null && !steps.contains(stepOf(r)),
					Duration.ofSeconds(10));
			steps.add(stepOf(record));
			return steps.size() == 4;
		});
		assertThat(steps).containsExactlyInAnyOrder("ACKNOWLEDGED", "FORWARDED", "ACTION_TAKEN", "INTERIM_REPLY");
	}

	@Test
	void evidenceThatIsNoPdfOrImageIsRefusedAndNothingIsRecorded() {
		String id = markedItem("SUPPLY", List.of());

		ResponseEntity<JsonNode> refused = actionTaken(id, "report", "MZ\u0090\u0000 not a report".getBytes());

		assertThat(refused.getStatusCode().value()).isEqualTo(415);
		assertThat(
				this.supply.get().uri("/api/v1/cases/" + id).retrieve().body(JsonNode.class).get("status").asString())
			.isEqualTo("MARKED");
	}

	@Test
	void aDepartmentWithACopySeesTheItemInItsCopiesButCannotActOnIt() {
		String id = markedItem("SUPPLY", List.of("SOCIAL_WELFARE"));
		RestClient welfare = Http.local(this.port, TestTokens.officer("SOCIAL_WELFARE"));

		JsonNode copies = welfare.get().uri("/api/v1/cases?copies=true&size=200").retrieve().body(JsonNode.class);
		JsonNode ownQueue = welfare.get().uri("/api/v1/cases?size=200").retrieve().body(JsonNode.class);
		ResponseEntity<JsonNode> acting = Http.local(this.port, TestTokens.officer("SOCIAL_WELFARE"))
			.post()
			.uri("/api/v1/cases/" + id + "/steps")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("step", "ACKNOWLEDGE"))
			.retrieve()
			.toEntity(JsonNode.class);

		assertThat(copies.get("content").findValuesAsString("complaintId")).contains(id);
		assertThat(ownQueue.get("content").findValuesAsString("complaintId")).doesNotContain(id);
		assertThat(acting.getStatusCode().value()).isEqualTo(409);
		assertThat(acting.getBody().get("detail").asString()).contains("copy for information");
	}

	@Test
	void aRecalledItemLeavesTheDepartmentAndWaitsForTheDm() {
		String id = markedItem("SUPPLY", List.of());
		this.items.send(Topics.COMPLAINT_RECALLED, id, new ComplaintRecalled(UUID.randomUUID().toString(), id,
				Instant.now(), "SUPPLY", "गलत विभाग", "dm.nalanda", this.items.nextDecision()));

		JsonNode recalled = this.items.awaitTimeline(id, 3);

		assertThat(recalled.get("status").asString()).isEqualTo("RECALLED");
		assertThat(recalled.get("statusHi").asString()).isEqualTo("जिलाधिकारी द्वारा वापस लिया गया");
		assertThat(this.supply.get()
			.uri("/api/v1/cases/" + id)
			.retrieve()
			.toEntity(JsonNode.class)
			.getStatusCode()
			.value()).isEqualTo(404);
		assertThat(step(id, Map.of("step", "ACKNOWLEDGE")).getStatusCode().value()).isEqualTo(404);
	}

	@Test
	void theMessagesSentAboutAnItemShowTheirNewestStatusAndNeverHoldUpTheDepartment() {
		String id = markedItem("SUPPLY", List.of());
		NotificationDispatched sample = GoldenSamples.notificationDispatched();
		Instant sentAt = Instant.now();
		NotificationDispatched sent = new NotificationDispatched(UUID.randomUUID().toString(), id, sentAt,
				"n-" + id + ":SMS:APPLICANT", "SMS", "APPLICANT", "marked", "sent", sample.recipient());
		NotificationDispatched delivered = new NotificationDispatched(UUID.randomUUID().toString(), id,
				sentAt.plusSeconds(3), sent.notificationId(), "SMS", "APPLICANT", "marked", "delivered",
				sample.recipient());

		this.items.send(Topics.NOTIFICATION_DISPATCHED, id, delivered);
		this.items.send(Topics.NOTIFICATION_DISPATCHED, id, sent);
		ResponseEntity<JsonNode> acknowledged = step(id, Map.of("step", "ACKNOWLEDGE"));

		assertThat(acknowledged.getStatusCode().value()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(30)).until(() -> messageStatuses(id).equals(List.of("delivered")));
		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(5))
			.until(() -> messageStatuses(id).equals(List.of("delivered")));
	}

	private List<String> messageStatuses(String id) {
		return this.supply.get()
			.uri("/api/v1/cases/" + id)
			.retrieve()
			.body(JsonNode.class)
			.get("messages")
			.findValuesAsString("status");
	}

	@Test
	void theQueueFiltersByOffice() {
		this.items.department("PHED", "DIVISION_HILSA");
		String forwarded = markedItem("PHED", List.of());
		String notForwarded = markedItem("PHED", List.of());
		RestClient phed = Http.local(this.port, TestTokens.officer("PHED"));
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			ResponseEntity<JsonNode> r = phed.post()
				.uri("/api/v1/cases/" + forwarded + "/steps")
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("step", "FORWARD", "officeCode", "DIVISION_HILSA"))
				.retrieve()
				.toEntity(JsonNode.class);
			return r.getStatusCode().value() == 200;
		});

		JsonNode office = phed.get()
			.uri("/api/v1/cases?office=DIVISION_HILSA&size=200")
			.retrieve()
			.body(JsonNode.class);

		assertThat(office.get("content").findValuesAsString("complaintId")).contains(forwarded)
			.doesNotContain(notForwarded);
	}

	private static String stepOf(ConsumerRecord<String, byte[]> record) {
		return EventJson.read(record.value(), StatusUpdated.class).step();
	}

	private String markedItem(String department, List<String> copies) {
		String id = ReceiptNumbers.format("NAL", 2026, serial++);
		this.items.received(id, Instant.now().minusSeconds(120));
		this.items.marked(id, department, copies, Instant.now().minusSeconds(60));
		this.items.awaitTimeline(id, 2);
		return id;
	}

	private ResponseEntity<JsonNode> step(String id, Map<String, String> step) {
		return Http.json(this.supply, HttpMethod.POST, "/api/v1/cases/" + id + "/steps", step);
	}

	private ResponseEntity<JsonNode> actionTaken(String id, String note, byte[] evidence) {
		MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
		parts.add("step", Http.jsonPart(Map.of("step", "ACTION_TAKEN", "note", note)));
		parts.add("evidence", Http.filePart("evidence", "report.pdf", MediaType.APPLICATION_PDF, evidence));
		return this.supply.post()
			.uri("/api/v1/cases/" + id + "/steps")
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(parts)
			.retrieve()
			.toEntity(JsonNode.class);
	}

}
