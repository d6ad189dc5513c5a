package org.dak.routing.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dak.contracts.ComplaintRecalled;
import org.dak.contracts.ComplaintRouted;
import org.dak.contracts.GoldenSamples;
import org.dak.contracts.StatusUpdated;
import org.dak.contracts.Topic;
import org.dak.contracts.Topics;
import org.dak.support.events.EventJson;
import org.dak.testsupport.Http;
import org.dak.testsupport.MongoReads;
import org.dak.testsupport.PublishedRecords;
import org.dak.testsupport.ServiceIntegrationTest;
import org.dak.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ServiceIntegrationTest
@Import(MongoReads.Recording.class)
class MarkingInboxIT {

	@Autowired
	MongoReads reads;

	@Autowired
	MongoTemplate mongo;

	@LocalServerPort
	int port;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	RestClient http;

	@BeforeEach
	void client() {
		this.http = Http.local(this.port, TestTokens.token("dm.nalanda", "DM"));
	}

	@Test
	void receivedItemWaitsInTheInboxOnceEvenIfTheEventComesTwice() {
		String complaintId = receive();
		String eventJson = GoldenSamples.json(Topic.COMPLAINT_RECEIVED)
			.replace("NAL-2026-000123-C", complaintId)
			.replace("0b9d5c8e-6f1a-4f43-9a57-1d6f0f3f2a10", "redelivered-" + complaintId);
		PublishedRecords.send(this.bootstrapServers, Topics.COMPLAINT_RECEIVED, complaintId,
				eventJson.getBytes(StandardCharsets.UTF_8));

		JsonNode item = get("/api/v1/inbox/" + complaintId).getBody();
		assertThat(item.get("state").asString()).isEqualTo("AWAITING_MARKING");
		assertThat(item.get("subject").asString()).isEqualTo("राशन कार्ड में नाम जोड़ने हेतु आवेदन");
		assertThat(item.get("possibleDuplicateOf").asString()).isEqualTo("NAL-2026-000098-7");
		assertThat(item.get("suggestedDepartment").asString()).as("राशन suggests the supply office")
			.isEqualTo("SUPPLY");
		JsonNode inbox = get("/api/v1/inbox?state=AWAITING_MARKING&size=200").getBody();
		assertThat(inbox.get("content").findValuesAsString("complaintId")).containsOnlyOnce(complaintId);
	}

	@Test
	void markingAnnouncesTheDepartmentAndItsDueDate() {
		String complaintId = receive();
		LocalDate due = LocalDate.now().plusDays(21);

		ResponseEntity<JsonNode> marked = mark(complaintId,
				Map.of("departmentCode", "SUPPLY", "instructions", "जाँच कर प्रतिवेदन दें", "dueDate", due.toString()));

		assertThat(marked.getStatusCode().value()).isEqualTo(200);
		assertThat(marked.getBody().get("state").asString()).isEqualTo("MARKED");
		ConsumerRecord<String, byte[]> record = PublishedRecords.await(this.bootstrapServers, Topics.COMPLAINT_ROUTED,
				(r) -> complaintId.equals(r.key()), Duration.ofSeconds(30));
		ComplaintRouted event = EventJson.read(record.value(), ComplaintRouted.class);
		assertThat(event.departmentCode()).isEqualTo("SUPPLY");
		assertThat(event.departmentNameHi()).isEqualTo("जिला आपूर्ति कार्यालय");
		assertThat(event.departmentEmail()).isEqualTo("dso.nalanda@dak.local");
		assertThat(event.dueDate()).isEqualTo(due);
		assertThat(event.instructions()).isEqualTo("जाँच कर प्रतिवेदन दें");
		assertThat(PublishedRecords.header(record, "ce_type")).isEqualTo("org.dak.complaint.routed");
		assertThat(event.markedBy()).isEqualTo("dm.nalanda");
	}

	@Test
	void anItemCanBeMarkedOnlyOnceUntilItIsReturned() {
		String complaintId = receive();
		mark(complaintId, Map.of("departmentCode", "POLICE"));

		ResponseEntity<JsonNode> again = mark(complaintId, Map.of("departmentCode", "HEALTH"));
		assertThat(again.getStatusCode().value()).isEqualTo(409);
		assertThat(again.getBody().get("type").asString()).isEqualTo("/problems/already-marked");

		StatusUpdated returned = new StatusUpdated(UUID.randomUUID().toString(), complaintId, java.time.Instant.now(),
				"RETURNED", "MARKED", "POLICE", "Not a police matter", "POLICE", null, null, 1);
		PublishedRecords.send(this.bootstrapServers, Topics.STATUS_UPDATED, complaintId,
				EventJson.write(returned).getBytes(StandardCharsets.UTF_8));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> "AWAITING_MARKING"
				.equals(get("/api/v1/inbox/" + complaintId).getBody().get("state").asString()));

		assertThat(mark(complaintId, Map.of("departmentCode", "HEALTH")).getStatusCode().value()).isEqualTo(200);
	}

	@Test
	void anAppealAgainstADisposalBringsTheItemBackToTheDm() {
		String complaintId = receive();
		mark(complaintId, Map.of("departmentCode", "SUPPLY"));

		StatusUpdated reopened = new StatusUpdated(UUID.randomUUID().toString(), complaintId, java.time.Instant.now(),
				"REOPENED", "DISPOSED", "SUPPLY", "नाम अब भी नहीं जुड़े", "applicant", null, null, 1);
		PublishedRecords.send(this.bootstrapServers, Topics.STATUS_UPDATED, complaintId,
				EventJson.write(reopened).getBytes(StandardCharsets.UTF_8));

		await().atMost(Duration.ofSeconds(30))
			.until(() -> "AWAITING_MARKING"
				.equals(get("/api/v1/inbox/" + complaintId).getBody().get("state").asString()));
	}

	@Test
	void refusesAnUnknownDepartmentAndAnUnknownItem() {
		String complaintId = receive();

		ResponseEntity<JsonNode> unknownDepartment = mark(complaintId, Map.of("departmentCode", "ASTROLOGY"));
		assertThat(unknownDepartment.getStatusCode().value()).isEqualTo(422);
		assertThat(unknownDepartment.getBody().get("type").asString()).isEqualTo("/problems/unknown-department");

		assertThat(mark("NAL-2026-999999-X", Map.of("departmentCode", "SUPPLY")).getStatusCode().value())
			.isEqualTo(404);
		ResponseEntity<JsonNode> blank = mark(complaintId, Map.of("departmentCode", "", "dueDate", "2001-01-01"));
		assertThat(blank.getStatusCode().value()).isEqualTo(400);
		assertThat(blank.getBody().get("errors").findValuesAsString("field"))
			.containsExactlyInAnyOrder("departmentCode", "dueDate");
	}

	@Test
	void aPoisonRecordGoesToTheDeadLetterTopicAndTheNextRecordIsProcessed() {
		String poisonKey = "POISON-" + UUID.randomUUID();
		PublishedRecords.send(this.bootstrapServers, Topics.COMPLAINT_RECEIVED, poisonKey,
				"{this is not an event".getBytes(StandardCharsets.UTF_8));
		String complaintId = receive();

		ConsumerRecord<String, byte[]> dead = PublishedRecords.await(this.bootstrapServers, "complaint-received-dlt",
				(r) -> poisonKey.equals(r.key()), Duration.ofSeconds(30));
		assertThat(PublishedRecords.text(dead)).isEqualTo("{this is not an event");
		assertThat(PublishedRecords.header(dead, "kafka_dlt-exception-fqcn")).isNotBlank();
		assertThat(PublishedRecords.header(dead, "kafka_dlt-original-topic")).isEqualTo("complaint-received");
		assertThat(get("/api/v1/inbox/" + complaintId).getStatusCode().value()).isEqualTo(200);
	}

	@Test
	void aBreachedDeadlineIsEscalatedToTheDmOnceEvenIfAnnouncedTwice() {
		String complaintId = receive();
		mark(complaintId, Map.of("departmentCode", "PHED"));
		String breach = GoldenSamples.json(Topic.DEADLINE_BREACHED)
			.replace("NAL-2026-000123-C", complaintId)
			.replace("\"markingSequence\": 2", "\"markingSequence\": 1");

		PublishedRecords.send(this.bootstrapServers, Topics.DEADLINE_BREACHED, complaintId,
				breach.getBytes(StandardCharsets.UTF_8));
		PublishedRecords.send(this.bootstrapServers, Topics.DEADLINE_BREACHED, complaintId,
				breach.replace("1a2b3c4d-5e6f-4708-9a1b-2c3d4e5f6a7b", UUID.randomUUID().toString())
					.getBytes(StandardCharsets.UTF_8));

		await().atMost(Duration.ofSeconds(30))
			.until(() -> get("/api/v1/inbox/" + complaintId).getBody().has("escalatedAt"));
		assertThat(get("/api/v1/inbox/" + complaintId).getBody().get("escalatedAt").asString())
			.isEqualTo("2027-02-25T03:30:00Z");
	}

	@Test
	void theDmMarksABatchAndEachItemSucceedsOrIsRefusedOnItsOwn() {
		String first = receive();
		String second = receive();
		mark(second, Map.of("departmentCode", "POLICE"));

		JsonNode outcomes = this.http.post()
			.uri("/api/v1/inbox/marking")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("complaintIds", java.util.List.of(first, second, "NAL-2026-999998-Z"), "departmentCode",
					"EDUCATION", "instructions", "शीघ्र जाँच करें"))
			.retrieve()
			.body(JsonNode.class);

		assertThat(outcomes.findValuesAsString("outcome")).containsExactly("MARKED", "REFUSED", "REFUSED");
		assertThat(get("/api/v1/inbox/" + first).getBody().get("departmentCode").asString()).isEqualTo("EDUCATION");
		assertThat(get("/api/v1/inbox/" + second).getBody().get("departmentCode").asString()).isEqualTo("POLICE");
	}

	@Test
	void aMarkedItemIsReMarkedToAnotherDepartmentAndTheChangeIsAnnounced() {
		String complaintId = receive();
		assertThat(remark(complaintId, "HEALTH").getStatusCode().value()).isEqualTo(409);
		mark(complaintId, Map.of("departmentCode", "POLICE"));

		assertThat(remark(complaintId, "POLICE").getStatusCode().value()).isEqualTo(409);
		ResponseEntity<JsonNode> remarked = remark(complaintId, "HEALTH");

		assertThat(remarked.getStatusCode().value()).isEqualTo(200);
		assertThat(remarked.getBody().get("departmentCode").asString()).isEqualTo("HEALTH");
		PublishedRecords.await(this.bootstrapServers, Topics.COMPLAINT_ROUTED,
				(r) -> complaintId.equals(r.key()) && PublishedRecords.text(r).contains("\"HEALTH\""),
				Duration.ofSeconds(30));
	}

	@Test
	void theInboxFiltersByChannelKeywordAndDuplicateFlag() {
		String complaintId = receive();

		JsonNode byKeyword = this.http.get()
			.uri("/api/v1/inbox?q={q}&channel=WEB&duplicate=true&size=200", "राशन कार्ड")
			.retrieve()
			.body(JsonNode.class);
		JsonNode otherChannel = get("/api/v1/inbox?channel=FAX&size=200").getBody();
		JsonNode noMatch = get("/api/v1/inbox?q=nothing-like-this&size=200").getBody();

		assertThat(byKeyword.get("content").findValuesAsString("complaintId")).contains(complaintId);
		assertThat(otherChannel.get("content").findValuesAsString("complaintId")).doesNotContain(complaintId);
		assertThat(noMatch.get("content").size()).isZero();
	}

	@Test
	void aKeywordFindsTheBeginningsOfWordsInHindiAndEnglishFromItsIndex() {
		String pump = receive("Hand-pump broken near the Primary School");
		String hindi = receive("हैंडपंप खराब, पानी नहीं");
		String both = receive("हैंडपंप repair pending");
		this.reads.clear();

		assertThat(search("HAND pri")).contains(pump).doesNotContain(hindi, both);
		assertThat(search("हैंडपं")).contains(hindi, both).doesNotContain(pump);
		assertThat(search("हैंडपंप REPAIR")).containsExactly(both);
		assertThat(search("pumps")).isEmpty();
		assertThat(this.reads.scansOf(this.mongo, "inbox")).as("a search reads no item it does not show").isEmpty();
	}

	private java.util.List<String> search(String keyword) {
		return this.http.get()
			.uri("/api/v1/inbox?q={q}&size=200", keyword)
			.retrieve()
			.body(JsonNode.class)
			.get("content")
			.findValuesAsString("complaintId");
	}

	@Test
	void theDmRecallsAMarkedItemWhichThenWaitsForMarkingAgain() {
		String complaintId = receive();
		assertThat(recall(complaintId, "गलत विभाग").getStatusCode().value()).as("nothing to recall yet").isEqualTo(409);
		mark(complaintId, Map.of("departmentCode", "SUPPLY"));

		assertThat(recall(complaintId, " ").getStatusCode().value()).as("a reason is required").isEqualTo(400);
		ResponseEntity<JsonNode> recalled = recall(complaintId, "गलत विभाग; पेंशन का मामला");

		assertThat(recalled.getStatusCode().value()).isEqualTo(200);
		assertThat(recalled.getBody().get("state").asString()).isEqualTo("AWAITING_MARKING");
		assertThat(recalled.getBody().has("departmentCode")).isFalse();
		assertThat(recalled.getBody().get("history").findValuesAsString("action")).containsExactly("MARKED",
				"RECALLED");
		ConsumerRecord<String, byte[]> record = PublishedRecords.await(this.bootstrapServers, Topics.COMPLAINT_RECALLED,
				(r) -> complaintId.equals(r.key()), Duration.ofSeconds(30));
		ComplaintRecalled event = EventJson.read(record.value(), ComplaintRecalled.class);
		assertThat(event.departmentCode()).isEqualTo("SUPPLY");
		assertThat(event.reason()).isEqualTo("गलत विभाग; पेंशन का मामला");
		assertThat(event.recalledBy()).isEqualTo("dm.nalanda");
		assertThat(recall(complaintId, "again").getStatusCode().value()).isEqualTo(409);
		assertThat(mark(complaintId, Map.of("departmentCode", "SOCIAL_WELFARE")).getStatusCode().value())
			.isEqualTo(200);
	}

	@Test
	void aMarkingWithCopiesAnnouncesThemAndRefusesACopyToThePrimaryOrAnUnknownDepartment() {
		String complaintId = receive();

		assertThat(
				mark(complaintId, Map.of("departmentCode", "SUPPLY", "copyTo", java.util.List.of("SUPPLY"))).getBody()
					.get("type")
					.asString())
			.isEqualTo("/problems/copy-to-primary");
		assertThat(mark(complaintId, Map.of("departmentCode", "SUPPLY", "copyTo", java.util.List.of("NOWHERE")))
			.getStatusCode()
			.value()).isEqualTo(422);
		ResponseEntity<JsonNode> marked = mark(complaintId,
				Map.of("departmentCode", "SUPPLY", "copyTo", java.util.List.of("SOCIAL_WELFARE", "REVENUE")));

		assertThat(marked.getStatusCode().value()).isEqualTo(200);
		assertThat(marked.getBody().get("copyTo").toString()).isEqualTo("[\"SOCIAL_WELFARE\",\"REVENUE\"]");
		ConsumerRecord<String, byte[]> record = PublishedRecords.await(this.bootstrapServers, Topics.COMPLAINT_ROUTED,
				(r) -> complaintId.equals(r.key()), Duration.ofSeconds(30));
		assertThat(EventJson.read(record.value(), ComplaintRouted.class).copyDepartmentCodes())
			.containsExactly("SOCIAL_WELFARE", "REVENUE");
	}

	@Test
	void reMarkingADisposedItemIsRefusedNamingItsState() {
		String complaintId = receive();
		mark(complaintId, Map.of("departmentCode", "SUPPLY"));
		tracking(complaintId, "DISPOSED", "SUPPLY", null, 1);
		awaitStatus(complaintId, "DISPOSED");

		ResponseEntity<JsonNode> remarked = remark(complaintId, "POLICE");

		assertThat(remarked.getStatusCode().value()).isEqualTo(409);
		assertThat(remarked.getBody().get("type").asString()).isEqualTo("/problems/item-settled");
		assertThat(remarked.getBody().get("itemStatus").asString()).isEqualTo("DISPOSED");
		assertThat(remarked.getBody().get("status").asInt()).as("the problem's own status stays the HTTP one")
			.isEqualTo(409);
		assertThat(remarked.getBody().get("detail").asString()).contains("DISPOSED").contains("appeal");
		JsonNode item = get("/api/v1/inbox/" + complaintId).getBody();
		assertThat(item.get("departmentCode").asString()).isEqualTo("SUPPLY");
		assertThat(item.get("history").findValuesAsString("action")).containsExactly("MARKED");
	}

	@Test
	void recallOfAClosedItemIsRefused() {
		String complaintId = receive();
		mark(complaintId, Map.of("departmentCode", "SUPPLY"));
		tracking(complaintId, "DISPOSED", "SUPPLY", null, 1);
		tracking(complaintId, "CLOSED", "SUPPLY", null, 1);
		awaitStatus(complaintId, "CLOSED");

		ResponseEntity<JsonNode> recalled = recall(complaintId, "पुनः देखें");

		assertThat(recalled.getStatusCode().value()).isEqualTo(409);
		assertThat(recalled.getBody().get("itemStatus").asString()).isEqualTo("CLOSED");
		assertThat(mark(complaintId, Map.of("departmentCode", "POLICE")).getStatusCode().value()).isEqualTo(409);
	}

	@Test
	void aDecisionTrackingRefusedIsPutRightOnTheDesk() {
		String complaintId = receive();
		mark(complaintId, Map.of("departmentCode", "SUPPLY"));
		// the DM re-marks before hearing that SUPPLY disposed of it; tracking refuses
		assertThat(remark(complaintId, "POLICE").getStatusCode().value()).isEqualTo(200);
		tracking(complaintId, "DISPOSED", "SUPPLY", null, 1);
		tracking(complaintId, "DISPOSED", "SUPPLY", "MARKING_REFUSED", 2);

		awaitStatus(complaintId, "DISPOSED");
		await().atMost(Duration.ofSeconds(30))
			.until(() -> "SUPPLY"
				.equals(get("/api/v1/inbox/" + complaintId).getBody().get("departmentCode").asString()));
		JsonNode item = get("/api/v1/inbox/" + complaintId).getBody();
		assertThat(item.get("state").asString()).isEqualTo("MARKED");
		assertThat(item.get("history").findValuesAsString("action")).containsExactly("MARKED", "RE-MARKED",
				"MARKING_REFUSED");
		assertThat(remark(complaintId, "POLICE").getStatusCode().value()).isEqualTo(409);
	}

	@Test
	void trackingConfirmingAMarkingTheDeskAlreadyKnowsIsHandledAndNoDeadLetter() {
		String complaintId = receive();
		mark(complaintId, Map.of("departmentCode", "SUPPLY"));

		tracking(complaintId, "MARKED", "SUPPLY", null, 1);
		tracking(complaintId, "DISPOSED", "SUPPLY", null, 1);

		awaitStatus(complaintId, "DISPOSED");
		assertThat(PublishedRecords.everything(this.bootstrapServers, java.util.List.of("status-updated-dlt")))
			.noneMatch((record) -> record.contains(complaintId));
	}

	@Test
	void aRefusalOvertakenByANewerDecisionIsStillOnTheDesksHistory() {
		String complaintId = receive();
		mark(complaintId, Map.of("departmentCode", "SUPPLY"));
		remark(complaintId, "POLICE");
		recall(complaintId, "फिर से देखें");
		// SUPPLY had disposed of it first: tracking refuses both decisions
		tracking(complaintId, "DISPOSED", "SUPPLY", null, 1);
		tracking(complaintId, "DISPOSED", "SUPPLY", "MARKING_REFUSED", 2);
		tracking(complaintId, "DISPOSED", "SUPPLY", "RECALL_REFUSED", 3);

		awaitStatus(complaintId, "DISPOSED");
		JsonNode item = get("/api/v1/inbox/" + complaintId).getBody();
		assertThat(item.get("state").asString()).isEqualTo("MARKED");
		assertThat(item.get("departmentCode").asString()).isEqualTo("SUPPLY");
		assertThat(item.get("history").findValuesAsString("action")).containsExactly("MARKED", "RE-MARKED", "RECALLED",
				"MARKING_REFUSED", "RECALL_REFUSED");
	}

	@Test
	void aStatusAboutAnOlderDecisionChangesNothing() {
		String complaintId = receive();
		mark(complaintId, Map.of("departmentCode", "SUPPLY"));
		remark(complaintId, "POLICE");

		tracking(complaintId, "RETURNED", "SUPPLY", null, 1);
		tracking(complaintId, "IN_PROGRESS", "POLICE", "ACKNOWLEDGED", 2);

		awaitStatus(complaintId, "IN_PROGRESS");
		JsonNode item = get("/api/v1/inbox/" + complaintId).getBody();
		assertThat(item.get("state").asString()).isEqualTo("MARKED");
		assertThat(item.get("departmentCode").asString()).isEqualTo("POLICE");
	}

	@Test
	void aNewMarkingClearsTheEscalationAndALaterBreachEscalatesAgain() {
		String complaintId = receive();
		mark(complaintId, Map.of("departmentCode", "PHED"));
		breach(complaintId, "PHED", 1);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> get("/api/v1/inbox/" + complaintId).getBody().has("escalatedAt"));

		ResponseEntity<JsonNode> remarked = remark(complaintId, "HEALTH");
		assertThat(remarked.getBody().has("escalatedAt")).isFalse();
		breach(complaintId, "HEALTH", 2);

		await().atMost(Duration.ofSeconds(30))
			.until(() -> get("/api/v1/inbox/" + complaintId).getBody().has("escalatedAt"));
		assertThat(get("/api/v1/inbox/" + complaintId).getBody().get("history").findValuesAsString("action"))
			.containsExactly("MARKED", "ESCALATED", "RE-MARKED", "ESCALATED");
	}

	private void breach(String complaintId, String department, long sequence) {
		String breach = GoldenSamples.json(Topic.DEADLINE_BREACHED)
			.replace("NAL-2026-000123-C", complaintId)
			.replace("1a2b3c4d-5e6f-4708-9a1b-2c3d4e5f6a7b", UUID.randomUUID().toString())
			.replace("\"SUPPLY\"", "\"" + department + "\"")
			.replace("\"markingSequence\": 2", "\"markingSequence\": " + sequence);
		PublishedRecords.send(this.bootstrapServers, Topics.DEADLINE_BREACHED, complaintId,
				breach.getBytes(StandardCharsets.UTF_8));
	}

	/** Announces a status as tracking, the lifecycle's owner, does. */
	private void tracking(String complaintId, String status, String department, String step, long sequence) {
		StatusUpdated event = new StatusUpdated(UUID.randomUUID().toString(), complaintId, java.time.Instant.now(),
				status, null, department, "note", department, step, null, sequence);
		PublishedRecords.send(this.bootstrapServers, Topics.STATUS_UPDATED, complaintId,
				EventJson.write(event).getBytes(StandardCharsets.UTF_8));
	}

	private void awaitStatus(String complaintId, String status) {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> status.equals(get("/api/v1/inbox/" + complaintId).getBody().get("status").asString()));
	}

	private ResponseEntity<JsonNode> recall(String complaintId, String reason) {
		return this.http.post()
			.uri("/api/v1/inbox/" + complaintId + "/recall")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("reason", reason))
			.retrieve()
			.toEntity(JsonNode.class);
	}

	private ResponseEntity<JsonNode> remark(String complaintId, String department) {
		return this.http.post()
			.uri("/api/v1/inbox/" + complaintId + "/re-marking")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("departmentCode", department))
			.retrieve()
			.toEntity(JsonNode.class);
	}

	@Test
	void theMarkingDeskIsTheDmsAlone() {
		String complaintId = receive();

		for (String token : java.util.List.of(TestTokens.token("desk", "RECEIPT_DESK"), TestTokens.officer("SUPPLY"),
				TestTokens.token("auditor", "AUDITOR"), TestTokens.token("admin", "ADMIN"))) {
			RestClient other = Http.local(this.port, token);
			assertThat(other.get().uri("/api/v1/inbox").retrieve().toEntity(JsonNode.class).getStatusCode().value())
				.isEqualTo(403);
			assertThat(other.post()
				.uri("/api/v1/inbox/" + complaintId + "/marking")
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("departmentCode", "SUPPLY"))
				.retrieve()
				.toEntity(JsonNode.class)
				.getStatusCode()
				.value()).isEqualTo(403);
		}
		assertThat(Http.local(this.port)
			.get()
			.uri("/api/v1/inbox")
			.retrieve()
			.toEntity(JsonNode.class)
			.getStatusCode()
			.value()).isEqualTo(401);
	}

	@Test
	void listsTheDepartmentsOfTheCollectorate() {
		JsonNode departments = get("/api/v1/departments").getBody();

		assertThat(departments.findValuesAsString("code")).contains("REVENUE", "LAND_REFORMS", "POLICE", "EDUCATION",
				"HEALTH", "RURAL_DEVELOPMENT", "SOCIAL_WELFARE", "SUPPLY", "ELECTRICITY", "PHED");
	}

	/**
	 * Sends a complaint-received event as intake would, and waits until it is in the
	 * inbox.
	 */
	private String receive() {
		return receive("राशन कार्ड में नाम जोड़ने हेतु आवेदन");
	}

	private String receive(String subject) {
		String complaintId = "NAL-2026-" + (100000 + (int) (Math.random() * 800000)) + "-T";
		String eventJson = GoldenSamples.json(Topic.COMPLAINT_RECEIVED)
			.replace("राशन कार्ड में नाम जोड़ने हेतु आवेदन", subject)
			.replace("NAL-2026-000123-C", complaintId)
			.replace("0b9d5c8e-6f1a-4f43-9a57-1d6f0f3f2a10", UUID.randomUUID().toString());
		PublishedRecords.send(this.bootstrapServers, Topics.COMPLAINT_RECEIVED, complaintId,
				eventJson.getBytes(StandardCharsets.UTF_8));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> get("/api/v1/inbox/" + complaintId).getStatusCode().value() == 200);
		return complaintId;
	}

	private ResponseEntity<JsonNode> mark(String complaintId, Map<String, ?> marking) {
		return this.http.post()
			.uri("/api/v1/inbox/" + complaintId + "/marking")
			.contentType(MediaType.APPLICATION_JSON)
			.body(marking)
			.retrieve()
			.toEntity(JsonNode.class);
	}

	private ResponseEntity<JsonNode> get(String path) {
		return this.http.get().uri(path).retrieve().toEntity(JsonNode.class);
	}

}
