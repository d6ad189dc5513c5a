package org.dak.tracking;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dak.contracts.GoldenSamples;
import org.dak.contracts.StatusUpdated;
import org.dak.contracts.Topic;
import org.dak.contracts.Topics;
import org.dak.support.events.EventJson;
import org.dak.items.identity.AccessCodes;
import org.dak.items.identity.ReceiptNumbers;
import org.dak.testsupport.Http;
import org.dak.testsupport.PublishedRecords;
import org.dak.testsupport.ServiceIntegrationTest;
import org.dak.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ServiceIntegrationTest
class TrackingIT {

	private static final String CODE = "7QK3M9ZD2XWA4HPR";

	private static int serial = 500;

	@LocalServerPort
	int port;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	RestClient http;

	@Autowired
	MeterRegistry meters;

	RestClient dm;

	@BeforeEach
	void client() {
		this.http = Http.local(this.port);
		this.dm = Http.local(this.port, TestTokens.token("dm", "DM"));
	}

	@Test
	void departmentWorksAnItemAndEveryStepIsAnnouncedAndOnTheTimeline() {
		String id = receivedAndMarkedTo("SUPPLY");

		assertThat(post(id, "IN_PROGRESS", "SUPPLY", null).getStatusCode().value()).isEqualTo(200);
		ResponseEntity<JsonNode> disposed = post(id, "DISPOSED", "SUPPLY", "नाम जोड़ दिए गए");

		assertThat(disposed.getStatusCode().value()).isEqualTo(200);
		assertThat(disposed.getBody().get("status").asString()).isEqualTo("DISPOSED");
		assertThat(disposed.getBody().get("timeline").findValuesAsString("status")).containsExactly("RECEIVED",
				"MARKED", "IN_PROGRESS", "DISPOSED");
		ConsumerRecord<String, byte[]> record = PublishedRecords.await(this.bootstrapServers, Topics.STATUS_UPDATED,
				(r) -> id.equals(r.key()) && PublishedRecords.text(r).contains("\"DISPOSED\""), Duration.ofSeconds(30));
		StatusUpdated event = EventJson.read(record.value(), StatusUpdated.class);
		assertThat(event.previousStatus()).isEqualTo("IN_PROGRESS");
		assertThat(event.note()).isEqualTo("नाम जोड़ दिए गए");
		assertThat(PublishedRecords.header(record, "ce_source")).isEqualTo("/dak/tracking-service");
		// the office's dashboard: how long items take to be disposed of, by department
		DistributionSummary disposal = this.meters.find("dak.disposal.days").tag("department", "SUPPLY").summary();
		assertThat(disposal).isNotNull();
		assertThat(disposal.count()).isPositive();
		assertThat(disposal.takeSnapshot().histogramCounts())
			.anyMatch((bucket) -> bucket.bucket() == 1.0 && bucket.count() > 0);
	}

	@Test
	void anIllegalTransitionIsA409Problem() {
		String id = receivedAndMarkedTo("SUPPLY");
		post(id, "DISPOSED", "SUPPLY", "done");

		ResponseEntity<JsonNode> response = post(id, "IN_PROGRESS", "SUPPLY", null);

		assertThat(response.getStatusCode().value()).isEqualTo(409);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response.getBody().get("type").asString()).isEqualTo("/problems/illegal-transition");
	}

	@Test
	void aDepartmentQueueShowsOnlyItsOwnItems() {
		String supply = receivedAndMarkedTo("SUPPLY");
		String police = receivedAndMarkedTo("POLICE");

		JsonNode queue = Http.local(this.port, TestTokens.officer("POLICE"))
			.get()
			.uri("/api/v1/cases?size=200")
			.retrieve()
			.body(JsonNode.class);

		assertThat(queue.get("content").findValuesAsString("complaintId")).contains(police).doesNotContain(supply);
	}

	@Test
	void applicantTracksWithReceiptNumberAndCodeAndSeesOnlyMaskedDetails() {
		String id = receivedAndMarkedTo("SUPPLY");
		post(id, "DISPOSED", "SUPPLY", "नाम जोड़ दिए गए");

		ResponseEntity<JsonNode> response = get(
				"/api/v1/public/track/" + id.toLowerCase() + "?code=" + AccessCodes.grouped(CODE));

		assertThat(response.getStatusCode().value()).isEqualTo(200);
		JsonNode view = response.getBody();
		assertThat(view.get("status").asString()).isEqualTo("DISPOSED");
		assertThat(view.get("statusHi").asString()).isEqualTo("निष्पादित");
		assertThat(view.get("department").get("nameHi").asString()).isEqualTo("जिला आपूर्ति कार्यालय");
		assertThat(view.get("applicant").get("initials").asString()).isEqualTo("स. द.");
		assertThat(view.get("applicant").get("mobile").asString()).isEqualTo("XXXXXX3210");
		assertThat(view.get("applicant").get("email").asString()).isEqualTo("s***@example.in");
		assertThat(view.get("timeline").findValuesAsString("status")).containsExactly("RECEIVED", "MARKED", "DISPOSED");
		assertThat(view.get("timeline").get(2).get("note").asString()).isEqualTo("नाम जोड़ दिए गए");
		assertNoPersonalDetails(view);
	}

	@Test
	void wrongCodeUnknownNumberAndMalformedNumberAnswerAlike() {
		String id = receivedAndMarkedTo("SUPPLY");
		String unknown = ReceiptNumbers.format("NAL", 2026, 999_999);

		ResponseEntity<JsonNode> wrongCode = get("/api/v1/public/track/" + id + "?code=AAAABBBBCCCCDDDD");
		ResponseEntity<JsonNode> noCode = get("/api/v1/public/track/" + id);
		ResponseEntity<JsonNode> unknownNumber = get("/api/v1/public/track/" + unknown + "?code=" + CODE);
		ResponseEntity<JsonNode> malformed = get("/api/v1/public/track/NAL-2026-12?code=" + CODE);

		for (ResponseEntity<JsonNode> response : java.util.List.of(wrongCode, noCode, unknownNumber, malformed)) {
			assertThat(response.getStatusCode().value()).isEqualTo(404);
			assertThat(response.getBody().get("type")).isEqualTo(wrongCode.getBody().get("type"));
			assertThat(response.getBody().get("detail")).isEqualTo(wrongCode.getBody().get("detail"));
			assertThat(response.getBody().toString()).doesNotContain(id).doesNotContain(unknown);
		}
	}

	@Test
	void theQrLinkOpensABilingualPage() {
		String id = receivedAndMarkedTo("SUPPLY");

		ResponseEntity<String> page = this.http.get()
			.uri("/track/" + id + "?code=" + CODE)
			.retrieve()
			.toEntity(String.class);
		ResponseEntity<String> miss = this.http.get()
			.uri("/track/" + id + "?code=WRONG")
			.retrieve()
			.toEntity(String.class);

		assertThat(page.getStatusCode().value()).isEqualTo(200);
		assertThat(page.getBody()).contains("विभाग को चिह्नित", "Marked to department", "जिला आपूर्ति कार्यालय", id)
			.doesNotContain("9876543210")
			.doesNotContain("सुनीता");
		assertThat(miss.getStatusCode().value()).isEqualTo(404);
	}

	@Test
	void departmentAsOfficerCannotReadListOrUpdateDepartmentBsItems() {
		String supplyItem = receivedAndMarkedTo("SUPPLY");
		RestClient police = Http.local(this.port, TestTokens.officer("POLICE"));

		assertThat(police.get()
			.uri("/api/v1/cases/" + supplyItem)
			.retrieve()
			.toEntity(JsonNode.class)
			.getStatusCode()
			.value()).isEqualTo(404);
		assertThat(police.get()
			.uri("/api/v1/cases?department=SUPPLY")
			.retrieve()
			.toEntity(JsonNode.class)
			.getStatusCode()
			.value()).isEqualTo(403);
		assertThat(post(supplyItem, "IN_PROGRESS", "POLICE", null).getStatusCode().value()).isEqualTo(404);
		assertThat(police.get().uri("/api/v1/cases?size=200").retrieve().body(JsonNode.class).toString())
			.doesNotContain(supplyItem);
		assertThat(this.dm.get()
			.uri("/api/v1/cases/" + supplyItem)
			.retrieve()
			.body(JsonNode.class)
			.get("status")
			.asString()).isEqualTo("MARKED");
	}

	@Test
	void onlyTheDepartmentMovesAnItemAndTheDepartmentComesFromTheToken() {
		String id = receivedAndMarkedTo("SUPPLY");

		ResponseEntity<JsonNode> byDm = this.dm.post()
			.uri("/api/v1/cases/" + id + "/status")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("status", "IN_PROGRESS"))
			.retrieve()
			.toEntity(JsonNode.class);
		ResponseEntity<JsonNode> smuggled = Http.local(this.port, TestTokens.officer("POLICE"))
			.post()
			.uri("/api/v1/cases/" + id + "/status")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("status", "IN_PROGRESS", "departmentCode", "SUPPLY"))
			.retrieve()
			.toEntity(JsonNode.class);

		assertThat(byDm.getStatusCode().value()).isEqualTo(403);
		assertThat(smuggled.getStatusCode().value()).isEqualTo(400);
	}

	@Test
	void expiredTamperedAndForeignTokensAreRefusedByTheServiceItself() {
		String id = receivedAndMarkedTo("SUPPLY");
		String valid = TestTokens.officer("SUPPLY");

		for (String token : java.util.List.of(TestTokens.expired("DM"), TestTokens.tampered(valid),
				TestTokens.wrongAudience("DM"), TestTokens.wrongIssuer("DM"), "not-a-token")) {
			ResponseEntity<JsonNode> response = Http.local(this.port, token)
				.get()
				.uri("/api/v1/cases/" + id)
				.retrieve()
				.toEntity(JsonNode.class);
			assertThat(response.getStatusCode().value()).as(token).isEqualTo(401);
			assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.isTrue();
		}
		assertThat(Http.local(this.port, valid)
			.get()
			.uri("/api/v1/cases/" + id)
			.retrieve()
			.toEntity(JsonNode.class)
			.getStatusCode()
			.value()).isEqualTo(200);
	}

	@Test
	void aSatisfiedApplicantClosesTheItemAndAnUnsatisfiedOneReopensItForTheDm() {
		String closed = receivedAndMarkedTo("SUPPLY");
		String appealed = receivedAndMarkedTo("SUPPLY");
		assertThat(feedback(closed, CODE, Map.of("satisfied", true)).getStatusCode().value()).as("not disposed yet")
			.isEqualTo(409);
		post(closed, "DISPOSED", "SUPPLY", "नाम जोड़ दिए गए");
		post(appealed, "DISPOSED", "SUPPLY", "जाँच की गई");

		ResponseEntity<JsonNode> satisfied = feedback(closed, CODE, Map.of("satisfied", true));
		ResponseEntity<JsonNode> noReason = feedback(appealed, CODE, Map.of("satisfied", false));
		ResponseEntity<JsonNode> wrongCode = feedback(appealed, "AAAABBBBCCCCDDDD",
				Map.of("satisfied", false, "reason", "x"));
		ResponseEntity<JsonNode> notSatisfied = feedback(appealed, CODE,
				Map.of("satisfied", false, "reason", "नाम अब भी नहीं जुड़े"));

		assertThat(satisfied.getStatusCode().value()).isEqualTo(200);
		assertThat(satisfied.getBody().get("status").asString()).isEqualTo("CLOSED");
		assertThat(noReason.getStatusCode().value()).isEqualTo(422);
		assertThat(wrongCode.getStatusCode().value()).isEqualTo(404);
		assertThat(notSatisfied.getBody().get("status").asString()).isEqualTo("REOPENED");
		assertThat(lastActor(appealed)).isEqualTo("applicant, with the access code");
		PublishedRecords.await(this.bootstrapServers, Topics.STATUS_UPDATED,
				(r) -> appealed.equals(r.key()) && PublishedRecords.text(r).contains("\"REOPENED\""),
				Duration.ofSeconds(30));
	}

	@Test
	void theLastDigitsOfTheMobileThatOfficersSeeNeverCloseAnItem() {
		String id = receivedAndMarkedTo("SUPPLY");
		post(id, "DISPOSED", "SUPPLY", "नाम जोड़ दिए गए");

		ResponseEntity<JsonNode> byDigits = feedbackWith(id, "mobile=3210", Map.of("satisfied", true));

		assertThat(byDigits.getStatusCode().value()).isEqualTo(403);
		assertThat(byDigits.getBody().get("type").asString()).isEqualTo("/problems/code-required");
		assertThat(get("/api/v1/public/track/" + id + "?code=" + CODE).getBody().get("status").asString())
			.isEqualTo("DISPOSED");
	}

	@Test
	void theApplicantClosesWithAOneTimeCodeSentToTheirRegisteredMobile() {
		String id = receivedAndMarkedTo("SUPPLY");
		post(id, "DISPOSED", "SUPPLY", "नाम जोड़ दिए गए");

		ResponseEntity<JsonNode> asked = askForCode(id);
		ResponseEntity<JsonNode> unknown = askForCode("NAL-2026-999999-X");
		String code = issuedCode(id, "SMS");
		ResponseEntity<JsonNode> askedAgain = askForCode(id);
		ResponseEntity<JsonNode> wrong = feedbackWith(id, "otp=" + other(code), Map.of("satisfied", true));
		ResponseEntity<JsonNode> right = feedbackWith(id, "otp=" + code, Map.of("satisfied", true));
		ResponseEntity<JsonNode> usedAgain = feedbackWith(id, "otp=" + code, Map.of("satisfied", true));

		assertThat(asked.getStatusCode().value()).isEqualTo(202);
		assertThat(unknown.getBody()).as("an unknown number answers alike").isEqualTo(asked.getBody());
		assertThat(askedAgain.getBody()).isEqualTo(asked.getBody());
		assertThat(wrong.getStatusCode().value()).isEqualTo(404);
		assertThat(right.getStatusCode().value())
			.as("the first code still works: a second request within the minute issued none")
			.isEqualTo(200);
		assertThat(right.getBody().get("status").asString()).isEqualTo("CLOSED");
		assertThat(usedAgain.getStatusCode().value()).isEqualTo(404);
		assertThat(lastActor(id)).as("the timeline says what the applicant showed")
			.isEqualTo("applicant, with the one-time code");
	}

	private String lastActor(String id) {
		JsonNode timeline = this.dm.get().uri("/api/v1/cases/" + id).retrieve().body(JsonNode.class).get("timeline");
		return timeline.get(timeline.size() - 1).get("actor").asString();
	}

	@Test
	void threeWrongTriesUseUpTheOneTimeCode() {
		String id = receivedAndMarkedTo("SUPPLY");
		post(id, "DISPOSED", "SUPPLY", "नाम जोड़ दिए गए");
		askForCode(id);
		String code = issuedCode(id, "SMS");

		for (int i = 0; i < 3; i++) {
			assertThat(feedbackWith(id, "otp=" + other(code), Map.of("satisfied", true)).getStatusCode().value())
				.isEqualTo(404);
		}

		assertThat(feedbackWith(id, "otp=" + code, Map.of("satisfied", true)).getStatusCode().value()).isEqualTo(404);
		assertThat(get("/api/v1/public/track/" + id + "?code=" + CODE).getBody().get("status").asString())
			.isEqualTo("DISPOSED");
	}

	private ResponseEntity<JsonNode> askForCode(String id) {
		return this.http.post()
			.uri("/api/v1/public/track/" + id + "/one-time-code")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("channel", "SMS"))
			.retrieve()
			.toEntity(JsonNode.class);
	}

	/** The code as only the notification service can read it: opened with its key. */
	private String issuedCode(String id, String channel) {
		ConsumerRecord<String, byte[]> record = PublishedRecords.await(this.bootstrapServers,
				Topics.ONE_TIME_CODE_ISSUED, (r) -> id.equals(r.key()), Duration.ofSeconds(30));
		org.dak.contracts.OneTimeCodeIssued issued = EventJson.read(record.value(),
				org.dak.contracts.OneTimeCodeIssued.class);
		assertThat(issued.channel()).isEqualTo(channel);
		String code = org.dak.platform.SealedBox.open(issued.sealedCode(),
				org.dak.platform.Tokens.privateKey("classpath:dak-test-seal-private.pem"));
		assertThat(code).matches("[0-9]{6}");
		assertThat(PublishedRecords.text(record)).doesNotContain(code);
		return code;
	}

	private static String other(String code) {
		return code.equals("000000") ? "111111" : "000000";
	}

	private ResponseEntity<JsonNode> feedbackWith(String id, String query, Map<String, Object> body) {
		return this.http.post()
			.uri("/api/v1/public/track/" + id + "/feedback?" + query)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.toEntity(JsonNode.class);
	}

	private ResponseEntity<JsonNode> feedback(String id, String code, Map<String, Object> body) {
		return feedbackWith(id, "code=" + code, body);
	}

	@Test
	void open311ClientsReadAnItemsStatusButNothingPrivate() {
		String id = receivedAndMarkedTo("SUPPLY");

		JsonNode open = get("/open311/v2/requests/" + id + ".json").getBody().get(0);
		post(id, "DISPOSED", "SUPPLY", "नाम जोड़ दिए गए");
		JsonNode closed = get("/open311/v2/requests/" + id + ".json").getBody().get(0);
		ResponseEntity<JsonNode> withOldId = get("/open311/v2/requests/" + id + "~" + CODE + ".json");
		ResponseEntity<String> xml = text("/open311/v2/requests/" + id + ".xml");
		ResponseEntity<JsonNode> unknown = get("/open311/v2/requests/NAL-2026-999999-0.json");

		assertThat(open.get("status").asString()).isEqualTo("open");
		assertThat(open.propertyNames()).contains("service_request_id", "status", "status_notes", "service_name",
				"service_code", "description", "agency_responsible", "service_notice", "requested_datetime",
				"updated_datetime", "expected_datetime", "address", "address_id", "zipcode", "media_url");
		assertThat(open.propertyNames()).as("no place is shown").doesNotContain("lat", "long");
		assertThat(open.get("service_code").asString()).isEqualTo("ration-card");
		assertThat(open.get("expected_datetime").asString()).isNotEmpty();
		assertThat(closed.get("status").asString()).isEqualTo("closed");
		assertThat(closed.get("status_notes").asString()).contains("Disposed");
		assertThat(closed.toString()).as("an item not reported on Open311 is not public")
			.doesNotContain("9876543210", "सुनीता", "नाम जोड़ दिए गए", "राशन कार्ड में", "वार्ड 4", "hand-pump");
		assertThat(withOldId.getBody().get(0).get("service_request_id").asString()).isEqualTo(id);
		assertThat(xml.getBody()).contains("<service_requests><request><service_request_id>" + id + "<");
		assertThat(unknown.getStatusCode().value()).isEqualTo(404);
		assertThat(unknown.getBody().get(0).get("code").asInt()).isEqualTo(404);
	}

	@Test
	void aReportMadeOnOpen311IsPublicWithItsPlaceAndPhoto() {
		String id = receivedAndMarkedTo(ReceiptNumbers.format("NAL", 2026, serial++), "PHED", "drinking-water", true);
		post(id, "DISPOSED", "PHED", "हैंडपंप ठीक कर दिया गया");

		JsonNode request = get("/open311/v2/requests/" + id + ".json").getBody().get(0);

		assertThat(request.get("description").asString())
			.isEqualTo("मेरे राशन कार्ड में बच्चों के नाम नहीं जोड़े गए हैं।");
		assertThat(request.get("lat").asDouble()).isEqualTo(25.1972);
		assertThat(request.get("long").asDouble()).isEqualTo(85.5231);
		assertThat(request.get("address").asString()).isEqualTo("वार्ड 4, बिहारशरीफ");
		assertThat(request.get("address_id").asString()).isEqualTo("BSF-W4-017");
		assertThat(request.get("media_url").asString()).isEqualTo("https://photos.example.in/hand-pump.jpg");
		assertThat(request.get("status_notes").asString()).contains("हैंडपंप ठीक कर दिया गया");
		assertThat(request.toString()).doesNotContain("9876543210", "सुनीता", "राशन कार्ड में नाम जोड़ने");
	}

	@Test
	void aRequestForAPersonsOwnBenefitShowsNeitherItsPrivateAnswersNorItsPlace() {
		String description = "मेरे राशन कार्ड में बच्चों के नाम नहीं जोड़े गए हैं।\n"
				+ "राशन कार्ड संख्या, यदि हो / Ration card number, if any: 10234567890123";
		String id = receivedAndMarkedTo(ReceiptNumbers.format("NAL", 2026, serial++), "SUPPLY", "ration-card", true,
				description);

		JsonNode single = get("/open311/v2/requests/" + id + ".json").getBody().get(0);
		JsonNode listed = get("/open311/v2/requests.json?service_code=ration-card").getBody();
		JsonNode staffView = this.dm.get().uri("/api/v1/cases/" + id).retrieve().body(JsonNode.class);

		assertThat(single.get("description").asString())
			.isEqualTo("मेरे राशन कार्ड में बच्चों के नाम नहीं जोड़े गए हैं।");
		assertThat(single.path("lat").isNumber()).isFalse();
		assertThat(single.path("long").isNumber()).isFalse();
		assertThat(single.get("address").asString()).isEmpty();
		assertThat(single.get("address_id").asString()).isEmpty();
		assertThat(listed.toString()).doesNotContain("10234567890123", "25.1972", "BSF-W4-017");
		assertThat(staffView.get("place").get("latitude").asDouble()).as("staff still see where").isEqualTo(25.1972);
	}

	@Test
	void open311ListsFilterByServiceStatusAndDates() {
		// the newest numbers of the day, as intake gives them: a list walks back from
		// there
		String ration = receivedAndMarkedTo(ReceiptNumbers.format("NAL", 2026, 990_001), "SUPPLY", "ration-card",
				false);
		String openRoad = receivedAndMarkedTo(ReceiptNumbers.format("NAL", 2026, 990_002), "SUPPLY", "road", true);
		String closedRoad = receivedAndMarkedTo(ReceiptNumbers.format("NAL", 2026, 990_003), "SUPPLY", "road", true);
		post(closedRoad, "DISPOSED", "SUPPLY", "सड़क बन गई");
		String tenMinutesAgo = java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHoursMinutes(5, 30))
			.minusMinutes(10)
			.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
			.toString();

		java.util.List<String> roads = ids(get("/open311/v2/requests.json?service_code=road"));
		java.util.List<String> closedRoads = ids(get("/open311/v2/requests.json?service_code=road&status=closed"));
		java.util.List<String> fromTenMinutesAgo = ids(get("/open311/v2/requests.json?start_date=" + tenMinutesAgo));
		java.util.List<String> untilTenMinutesAgo = ids(get("/open311/v2/requests.json?end_date=" + tenMinutesAgo));
		java.util.List<String> named = ids(
				get("/open311/v2/requests.json?service_request_id=" + ration + "," + closedRoad + "&status=open"));
		String xml = text("/open311/v2/requests.xml?service_code=road").getBody();
		ResponseEntity<String> badStatus = text("/open311/v2/requests.xml?status=pending");
		ResponseEntity<JsonNode> badDate = get("/open311/v2/requests.json?start_date=yesterday");

		assertThat(roads).contains(openRoad, closedRoad).doesNotContain(ration);
		assertThat(closedRoads).contains(closedRoad).doesNotContain(openRoad, ration);
		assertThat(fromTenMinutesAgo).as("newest first").containsSubsequence(closedRoad, openRoad, ration);
		assertThat(untilTenMinutesAgo).doesNotContain(ration, openRoad, closedRoad);
		assertThat(named).as("with IDs, the other filters do not apply").containsExactlyInAnyOrder(ration, closedRoad);
		assertThat(xml).contains("<service_request_id>" + openRoad + "</service_request_id>")
			.contains("<service_request_id>" + closedRoad + "</service_request_id>")
			.doesNotContain(ration);
		assertThat(badStatus.getStatusCode().value()).isEqualTo(400);
		assertThat(badStatus.getBody()).contains("<errors><error><code>400</code><description>status must be");
		assertThat(badDate.getStatusCode().value()).isEqualTo(400);
		assertThat(badDate.getBody().get(0).get("description").asString()).startsWith("start_date");
	}

	private static java.util.List<String> ids(ResponseEntity<JsonNode> list) {
		assertThat(list.getStatusCode().value()).isEqualTo(200);
		return list.getBody().findValuesAsString("service_request_id");
	}

	private ResponseEntity<String> text(String path) {
		return this.http.get().uri(path).retrieve().toEntity(String.class);
	}

	@Test
	void theApplicantMayTrackWithTheLastFourDigitsOfTheirMobileInstead() {
		String id = receivedAndMarkedTo("SUPPLY");

		ResponseEntity<JsonNode> right = get("/api/v1/public/track/" + id + "?mobile=3210");
		ResponseEntity<JsonNode> wrong = get("/api/v1/public/track/" + id + "?mobile=0000");
		ResponseEntity<JsonNode> notDigits = get("/api/v1/public/track/" + id + "?mobile=32a0");
		ResponseEntity<JsonNode> wrongCode = get("/api/v1/public/track/" + id + "?code=AAAABBBBCCCCDDDD");

		assertThat(right.getStatusCode().value()).isEqualTo(200);
		assertNoPersonalDetails(right.getBody());
		for (ResponseEntity<JsonNode> miss : java.util.List.of(wrong, notDigits)) {
			assertThat(miss.getStatusCode().value()).isEqualTo(404);
			assertThat(miss.getBody()).isEqualTo(wrongCode.getBody());
		}
	}

	@Test
	void anOfficeHeadOpensTheItemByPhotographingTheReceiptsQrCode() throws Exception {
		String id = "NAL-2026-000123-I";
		receivedAndMarkedTo(id, "SUPPLY");
		byte[] receiptImage = java.nio.file.Files
			.readAllBytes(java.nio.file.Path.of("..", "docs", "receipt-sample.png"));

		ResponseEntity<JsonNode> supply = scan(TestTokens.officer("SUPPLY"), receiptImage);
		ResponseEntity<JsonNode> police = scan(TestTokens.officer("POLICE"), receiptImage);

		assertThat(supply.getStatusCode().value()).isEqualTo(200);
		assertThat(supply.getBody().get("complaintId").asString()).isEqualTo(id);
		assertThat(supply.getBody().get("status").asString()).isEqualTo("MARKED");
		assertThat(police.getStatusCode().value()).isEqualTo(404);
	}

	@Test
	void aBlankBlurryOrNonImageScanIsAClear422() throws Exception {
		java.awt.image.BufferedImage blank = new java.awt.image.BufferedImage(400, 300,
				java.awt.image.BufferedImage.TYPE_INT_RGB);
		java.awt.Graphics2D paint = blank.createGraphics();
		paint.setColor(java.awt.Color.WHITE);
		paint.fillRect(0, 0, 400, 300);
		paint.dispose();
		java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
		javax.imageio.ImageIO.write(blank, "png", png);

		ResponseEntity<JsonNode> empty = scan(TestTokens.officer("SUPPLY"), png.toByteArray());
		ResponseEntity<JsonNode> notAnImage = scan(TestTokens.officer("SUPPLY"), "%PDF-1.4".getBytes());

		assertThat(empty.getStatusCode().value()).isEqualTo(422);
		assertThat(empty.getBody().get("type").asString()).isEqualTo("/problems/no-qr-code");
		assertThat(empty.getBody().get("detail").asString()).contains("QR code");
		assertThat(notAnImage.getStatusCode().value()).isEqualTo(422);
	}

	private ResponseEntity<JsonNode> scan(String token, byte[] image) {
		org.springframework.util.MultiValueMap<String, Object> parts = new org.springframework.util.LinkedMultiValueMap<>();
		parts.add("image", Http.filePart("image", "scan.png", MediaType.IMAGE_PNG, image));
		return Http.local(this.port, token)
			.post()
			.uri("/api/v1/cases/scan")
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(parts)
			.retrieve()
			.toEntity(JsonNode.class);
	}

	private void assertNoPersonalDetails(JsonNode node) {
		String text = node.toString();
		assertThat(text).doesNotContain("9876543210", "sunita@example.in", "सुनीता", "बेलछी");
		Iterator<String> names = node.get("applicant").propertyNames().iterator();
		assertThat(names).toIterable().containsExactlyInAnyOrder("initials", "mobile", "email");
	}

	/**
	 * Sends intake's and routing's events for a fresh item, and waits until it is marked.
	 */
	private String receivedAndMarkedTo(String department) {
		return receivedAndMarkedTo(ReceiptNumbers.format("NAL", 2026, serial++), department);
	}

	private String receivedAndMarkedTo(String id, String department) {
		return receivedAndMarkedTo(id, department, "ration-card", false);
	}

	/**
	 * @param open311Report whether it was reported on Open311, and so is public
	 */
	private String receivedAndMarkedTo(String id, String department, String category, boolean open311Report) {
		return receivedAndMarkedTo(id, department, category, open311Report, null);
	}

	/**
	 * @param description the item's description, or {@code null} for the sample's
	 */
	private String receivedAndMarkedTo(String id, String department, String category, boolean open311Report,
			String description) {
		String received = GoldenSamples.json(Topic.COMPLAINT_RECEIVED)
			.replace("\"description\": \"मेरे राशन कार्ड में बच्चों के नाम नहीं जोड़े गए हैं।\"",
					"\"description\": " + JsonMapper.builder()
						.build()
						.writeValueAsString((description != null) ? description
								: "मेरे राशन कार्ड में बच्चों के नाम नहीं जोड़े गए हैं।"))
			.replace("\"reportedOnOpen311\": true", "\"reportedOnOpen311\": " + open311Report)
			.replace("\"category\": \"ration-card\"", "\"category\": \"" + category + "\"")
			.replace("NAL-2026-000123-C", id)
			.replace("0b9d5c8e-6f1a-4f43-9a57-1d6f0f3f2a10", UUID.randomUUID().toString())
			.replace("5d3f0e5b2c1a4f7e9b8d6c5a4f3e2d1c0b9a8f7e6d5c4b3a2918f7e6d5c4b3a2", AccessCodes.hash(CODE))
			.replace("2026-11-28T05:30:00.123Z", java.time.Instant.now().minusSeconds(120).toString());
		String routed = GoldenSamples.json(Topic.COMPLAINT_ROUTED)
			.replace("NAL-2026-000123-C", id)
			.replace("6a1c7f3e-2b4d-4e8f-8a9b-0c1d2e3f4a5b", UUID.randomUUID().toString())
			.replace("SUPPLY", department)
			.replace("2026-11-29T06:15:00Z", java.time.Instant.now().minusSeconds(60).toString());
		PublishedRecords.send(this.bootstrapServers, Topics.COMPLAINT_RECEIVED, id,
				received.getBytes(StandardCharsets.UTF_8));
		PublishedRecords.send(this.bootstrapServers, Topics.COMPLAINT_ROUTED, id,
				routed.getBytes(StandardCharsets.UTF_8));
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			ResponseEntity<JsonNode> item = this.dm.get()
				.uri("/api/v1/cases/" + id)
				.retrieve()
				.toEntity(JsonNode.class);
			return item.getStatusCode().value() == 200 && item.getBody().get("timeline").size() == 2;
		});
		return id;
	}

	private ResponseEntity<JsonNode> post(String id, String status, String department, String note) {
		Map<String, String> body = new java.util.HashMap<>(Map.of("status", status));
		if (note != null) {
			body.put("note", note);
		}
		return Http.local(this.port, TestTokens.officer(department))
			.post()
			.uri("/api/v1/cases/" + id + "/status")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.toEntity(JsonNode.class);
	}

	private ResponseEntity<JsonNode> get(String path) {
		return this.http.get().uri(path).retrieve().toEntity(JsonNode.class);
	}

}
