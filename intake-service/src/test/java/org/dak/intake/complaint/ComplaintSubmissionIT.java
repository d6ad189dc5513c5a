package org.dak.intake.complaint;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dak.contracts.ComplaintReceived;
import org.dak.contracts.Topics;
import org.dak.items.identity.AccessCodes;
import org.dak.items.identity.ReceiptNumbers;
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
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

@ServiceIntegrationTest
@AutoConfigureMetrics
@Import(MongoReads.Recording.class)
class ComplaintSubmissionIT {

	private static final String HINDI_SUBJECT = "राशन कार्ड में नाम जोड़ने हेतु आवेदन";

	@LocalServerPort
	int port;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Autowired
	MongoReads reads;

	@Autowired
	MongoTemplate mongo;

	RestClient http;

	RestClient desk;

	@BeforeEach
	void client() {
		this.http = Http.local(this.port);
		this.desk = Http.local(this.port, TestTokens.token("desk.clerk", "RECEIPT_DESK"));
	}

	@Test
	void acknowledgesASubmissionWithAReceiptAndAnnouncesIt() {
		ResponseEntity<JsonNode> response = submit(complaint(HINDI_SUBJECT, "WEB-REF-1"), "key-1");

		assertThat(response.getStatusCode().value()).isEqualTo(201);
		JsonNode receipt = response.getBody();
		String receiptNumber = receipt.get("receiptNumber").asString();
		assertThat(ReceiptNumbers.isValid(receiptNumber)).isTrue();
		assertThat(receiptNumber).matches("NAL-20\\d\\d-\\d{6}-[0-9A-Z]");
		assertThat(receipt.get("accessCode").asString()).matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){3}");
		assertThat(receipt.get("trackingUrl").asString()).startsWith("http://localhost:8080/track/" + receiptNumber);
		assertThat(receipt.get("subject").asString()).isEqualTo(HINDI_SUBJECT);
		assertThat(response.getHeaders().getLocation()).hasToString("/api/v1/complaints/" + receiptNumber + "/receipt");

		ConsumerRecord<String, byte[]> record = PublishedRecords.await(this.bootstrapServers, Topics.COMPLAINT_RECEIVED,
				(r) -> receiptNumber.equals(r.key()), Duration.ofSeconds(30));
		ComplaintReceived event = EventJson.read(record.value(), ComplaintReceived.class);
		assertThat(event.complaintId()).isEqualTo(receiptNumber);
		assertThat(event.subject()).isEqualTo(HINDI_SUBJECT);
		assertThat(event.applicant().name()).isEqualTo("सुनीता देवी");
		assertThat(event.accessCodeHash()).isEqualTo(AccessCodes.hash(receipt.get("accessCode").asString()));
		String accessCode = receipt.get("accessCode").asString();
		assertThat(PublishedRecords.text(record)).as("the access code travels sealed only")
			.doesNotContain(accessCode)
			.doesNotContain(accessCode.replace("-", ""));
		assertThat(event.trackingUrl()).isEqualTo("http://localhost:8080/track/" + receiptNumber);
		assertThat(org.dak.platform.SealedBox.open(event.sealedAccessCode(),
				org.dak.platform.Tokens.privateKey("classpath:dak-test-seal-private.pem")))
			.isEqualTo(accessCode.replace("-", ""));
		assertThat(PublishedRecords.header(record, "ce_id")).isEqualTo(event.eventId());
		assertThat(PublishedRecords.header(record, "ce_type")).isEqualTo("org.dak.complaint.received");
		assertThat(PublishedRecords.header(record, "ce_source")).isEqualTo("/dak/intake-service");
		assertThat(PublishedRecords.header(record, "ce_subject")).isEqualTo(receiptNumber);
		assertThat(PublishedRecords.header(record, "ce_specversion")).isEqualTo("1.0");
		assertThat(PublishedRecords.header(record, "ce_time")).isEqualTo(event.occurredAt().toString());
	}

	@Test
	void returnsOriginalReceiptWhenSubmissionIsRetried() {
		Map<String, Object> complaint = complaint("Street light not working", null);
		ResponseEntity<JsonNode> first = submit(complaint, "retry-key");
		ResponseEntity<JsonNode> retry = submit(complaint, "retry-key");

		assertThat(first.getStatusCode().value()).isEqualTo(201);
		assertThat(retry.getStatusCode().value()).isEqualTo(200);
		assertThat(retry.getBody()).isEqualTo(first.getBody());
	}

	@Test
	void treatsTheChannelsOwnReferenceAsTheIdempotencyKey() {
		Map<String, Object> complaint = complaint("Pension not received", "<msg-42@mail.example>");
		ResponseEntity<JsonNode> first = submit(complaint, null);
		ResponseEntity<JsonNode> again = submit(complaint, null);

		assertThat(again.getStatusCode().value()).isEqualTo(200);
		assertThat(again.getBody().get("receiptNumber")).isEqualTo(first.getBody().get("receiptNumber"));
	}

	@Test
	void refusesAKeyReusedForADifferentSubmission() {
		submit(complaint("First item", null), "reused-key");
		ResponseEntity<JsonNode> response = submit(complaint("Another item", null), "reused-key");

		assertThat(response.getStatusCode().value()).isEqualTo(422);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response.getBody().get("type").asString()).isEqualTo("/problems/idempotency-key-reused");
	}

	@Test
	void namesEveryBadFieldInAProblemDocument() {
		Map<String, Object> complaint = Map.of("channel", "WEB", "applicant",
				Map.of("name", "", "mobile", "12345", "email", "not-an-email"), "subject", "", "description", "x");
		ResponseEntity<JsonNode> response = submit(complaint, null);

		assertThat(response.getStatusCode().value()).isEqualTo(400);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response.getBody().get("errors").findValuesAsString("field"))
			.containsExactlyInAnyOrder("applicant.name", "applicant.mobile", "applicant.email", "subject");
	}

	@Test
	void namesAnUnknownChannel() {
		Map<String, Object> complaint = Map.of("channel", "PIGEON", "applicant", Map.of("name", "A"), "subject", "s",
				"description", "d");
		ResponseEntity<JsonNode> response = submit(complaint, null);

		assertThat(response.getStatusCode().value()).isEqualTo(400);
		assertThat(response.getBody().get("errors").findValuesAsString("field")).containsExactly("channel");
	}

	@Test
	void answersMalformedJsonWithAProblemNotAStackTrace() {
		ResponseEntity<JsonNode> response = this.http.post()
			.uri("/api/v1/complaints")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"channel\": ")
			.retrieve()
			.toEntity(JsonNode.class);

		assertThat(response.getStatusCode().value()).isEqualTo(400);
		assertThat(response.getBody().toString()).doesNotContain("Exception").doesNotContain("at org.");
	}

	@Test
	void qrCodeOpensTheTrackingLink() throws Exception {
		JsonNode receipt = submit(complaint("Hand pump broken", null), null).getBody();

		byte[] png = this.desk.get().uri(receipt.get("qrCodeUrl").asString()).retrieve().body(byte[].class);
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
		String decoded = new QRCodeReader()
			.decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))))
			.getText();

		assertThat(decoded).isEqualTo(receipt.get("trackingUrl").asString());
	}

	@Test
	void theDeskPrintsTheReceiptAsPdfOrPageAndItsQrCodeOpensTheItem() throws Exception {
		Map<String, Object> letter = new java.util.HashMap<>(complaint("भूमि सीमांकन हेतु आवेदन", null));
		letter.put("channel", "POST");
		letter.put("letterReference", "प.सं. 17/2026");
		letter.put("letterDate", "2026-11-20");
		JsonNode receipt = submit(this.desk, letter, null).getBody();
		String id = receipt.get("receiptNumber").asString();

		ResponseEntity<byte[]> pdf = this.desk.get()
			.uri("/api/v1/complaints/" + id + "/receipt.pdf")
			.retrieve()
			.toEntity(byte[].class);
		ResponseEntity<String> page = this.desk.get()
			.uri("/api/v1/complaints/" + id + "/receipt.html?size=A5")
			.retrieve()
			.toEntity(String.class);

		assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
		try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.getBody())) {
			BufferedImage rendered = new org.apache.pdfbox.rendering.PDFRenderer(document).renderImageWithDPI(0, 150);
			String decoded = new QRCodeReader()
				.decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(rendered))))
				.getText();
			assertThat(decoded).isEqualTo(receipt.get("trackingUrl").asString());
			assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document)).contains(id, "प.सं. 17/2026",
					"20-11-2026", "डाक / Post", receipt.get("accessCode").asString());
		}
		assertThat(page.getBody()).contains("size: A5", id, "भूमि सीमांकन हेतु आवेदन");
		assertThat(this.http.get()
			.uri("/api/v1/complaints/" + id + "/receipt.pdf")
			.retrieve()
			.toBodilessEntity()
			.getStatusCode()
			.value()).isEqualTo(401);
		RestClient dm = Http.local(this.port, TestTokens.token("dm", "DM"));
		for (String reveals : List.of("/receipt", "/receipt.pdf", "/receipt.html", "/qr.png")) {
			assertThat(dm.get()
				.uri("/api/v1/complaints/" + id + reveals)
				.retrieve()
				.toBodilessEntity()
				.getStatusCode()
				.value()).as("the DM reads no access code: " + reveals).isEqualTo(403);
		}
	}

	@Test
	void theApplicantPrintsTheirOwnReceiptWithTheAccessCodeAndEveryMissIsTheSame404() {
		JsonNode receipt = submit(complaint("स्ट्रीट लाइट खराब", null), null).getBody();
		String id = receipt.get("receiptNumber").asString();
		String code = receipt.get("accessCode").asString();
		String base = "/api/v1/complaints/public/";

		ResponseEntity<byte[]> own = this.http.get()
			.uri(base + id + "/receipt.pdf?code=" + code)
			.retrieve()
			.toEntity(byte[].class);
		List<ResponseEntity<String>> misses = List.of(
				this.http.get().uri(base + id + "/receipt.pdf?code=AAAABBBBCCCCDDDD").retrieve().toEntity(String.class),
				this.http.get().uri(base + id + "/receipt.pdf").retrieve().toEntity(String.class),
				this.http.get()
					.uri(base + ReceiptNumbers.format("NAL", 2026, 999_998) + "/receipt.pdf?code=" + code)
					.retrieve()
					.toEntity(String.class),
				this.http.get().uri(base + "NAL-2026-1/receipt.pdf?code=" + code).retrieve().toEntity(String.class));

		assertThat(own.getStatusCode().value()).isEqualTo(200);
		assertThat(own.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
		for (ResponseEntity<String> miss : misses) {
			assertThat(miss.getStatusCode().value()).isEqualTo(404);
			assertThat(miss.getBody()).contains("/problems/receipt-not-found").doesNotContain("Exception");
		}
	}

	@Test
	void citizensFindAWebFormThatNeedsNoSignIn() {
		ResponseEntity<String> form = this.http.get().uri("/submit").retrieve().toEntity(String.class);

		assertThat(form.getStatusCode().value()).isEqualTo(200);
		assertThat(form.getBody()).contains("आवेदन / शिकायत दर्ज करें", "/submit.js");
		assertThat(this.http.get().uri("/submit.js").retrieve().body(String.class)).contains("Idempotency-Key");
	}

	@Test
	void unknownOrMistypedReceiptNumberIsNotFound() {
		String receiptNumber = submit(complaint("Land record correction", null), null).getBody()
			.get("receiptNumber")
			.asString();
		String mistyped = receiptNumber.substring(0, receiptNumber.length() - 1)
				+ (receiptNumber.endsWith("0") ? "1" : "0");

		assertThat(get("/api/v1/complaints/" + receiptNumber + "/receipt").getStatusCode().value()).isEqualTo(200);
		assertThat(get("/api/v1/complaints/" + mistyped + "/receipt").getStatusCode().value()).isEqualTo(404);
		assertThat(get("/api/v1/complaints/NAL-1999-000001-0/receipt").getStatusCode().value()).isEqualTo(404);
	}

	@Test
	void aRepeatFromTheSameMobileIsFlaggedWithTheEarlierItemNotDropped() {
		Map<String, Object> first = new java.util.HashMap<>(complaint("हैंडपंप खराब होने की शिकायत", null));
		first.put("applicant", Map.of("name", "मोहन", "mobile", "9812345670"));
		Map<String, Object> again = new java.util.HashMap<>(complaint("हैंडपंप खराब होने के संबंध में शिकायत", null));
		again.put("applicant", Map.of("name", "मोहन", "mobile", "9812345670"));
		String earlier = submit(first, "dup-1").getBody().get("receiptNumber").asString();

		ResponseEntity<JsonNode> repeat = submit(again, "dup-2");

		assertThat(repeat.getStatusCode().value()).isEqualTo(201);
		String later = repeat.getBody().get("receiptNumber").asString();
		assertThat(later).isNotEqualTo(earlier);
		assertThat(repeat.getBody().has("possibleDuplicateOf")).as("not shown to the submitter").isFalse();
		ConsumerRecord<String, byte[]> record = PublishedRecords.await(this.bootstrapServers, Topics.COMPLAINT_RECEIVED,
				(r) -> later.equals(r.key()), Duration.ofSeconds(30));
		assertThat(EventJson.read(record.value(), ComplaintReceived.class).possibleDuplicateOf()).isEqualTo(earlier);
	}

	@Test
	void receivingAnItemReadsNoOtherItemAndItsEventLeavesAtOnce() {
		for (int i = 0; i < 30; i++) {
			Map<String, Object> other = new java.util.HashMap<>(complaint("नाली जाम " + i, null));
			other.put("applicant", Map.of("name", "गीता", "mobile", "98123" + (45000 + i)));
			submit(other, "others-" + i);
		}
		Map<String, Object> first = new java.util.HashMap<>(complaint("सड़क पर गड्ढे की शिकायत", null));
		first.put("applicant", Map.of("name", "रवि", "mobile", "9812399999", "email", "ravi@example.in"));
		String earlier = submit(first, "pothole-1").getBody().get("receiptNumber").asString();
		this.reads.clear();

		Map<String, Object> again = new java.util.HashMap<>(complaint("सड़क पर गड्ढे की फिर से शिकायत", null));
		again.put("applicant", Map.of("name", "रवि", "email", "ravi@example.in"));
		String later = submit(again, "pothole-2").getBody().get("receiptNumber").asString();

		ConsumerRecord<String, byte[]> record = PublishedRecords.await(this.bootstrapServers, Topics.COMPLAINT_RECEIVED,
				(r) -> later.equals(r.key()), Duration.ofSeconds(30));
		assertThat(EventJson.read(record.value(), ComplaintReceived.class).possibleDuplicateOf()).isEqualTo(earlier);
		assertThat(this.reads.on("complaints")).as("the item is stored and published").isNotEmpty();
		assertThat(this.reads.scansOf(this.mongo, "complaints")).as("nothing reads every item").isEmpty();
	}

	@Test
	void intakeIsMeasuredByChannelAndRefusalsByReason() {
		submit(complaint("Metrics check", null), null);
		submit(Map.of("channel", "WEB"), null);

		String metrics = this.http.get().uri("/actuator/prometheus").retrieve().body(String.class);

		assertThat(metrics).contains("dak_intake_received_total{application=\"intake-service\",channel=\"WEB\"}")
			.contains("dak_complaints_received_total{application=\"intake-service\",channel=\"WEB\"}")
			.contains("dak_intake_rejected_total{application=\"intake-service\",reason=\"invalid\"}");
	}

	@Test
	void thePublicSubmitsOnlyWebItems() {
		Map<String, Object> post = new java.util.HashMap<>(complaint("Letter by post", null));
		post.put("channel", "POST");

		ResponseEntity<JsonNode> anonymous = submit(this.http, post, null);
		ResponseEntity<JsonNode> desk = submit(this.desk, post, null);

		assertThat(anonymous.getStatusCode().value()).isEqualTo(403);
		assertThat(anonymous.getBody().get("type").asString()).isEqualTo("/problems/channel-not-allowed");
		assertThat(desk.getStatusCode().value()).isEqualTo(201);
	}

	@Test
	void anAdapterSubmitsForItsOwnChannelOnly() {
		RestClient mailBridge = Http.local(this.port, TestTokens.adapter("EMAIL"));
		Map<String, Object> email = new java.util.HashMap<>(complaint("By mail", "<m-1@x>"));
		email.put("channel", "EMAIL");
		Map<String, Object> fax = new java.util.HashMap<>(complaint("By fax", "fax-1"));
		fax.put("channel", "FAX");

		assertThat(submit(mailBridge, email, null).getStatusCode().value()).isEqualTo(201);
		assertThat(submit(mailBridge, fax, null).getStatusCode().value()).isEqualTo(403);
	}

	@Test
	void otherStaffRolesDoNotSubmitAndTheReceiptIsForTheDeskOnly() {
		JsonNode receipt = submit(complaint("Receipt reading", null), null).getBody();
		String path = "/api/v1/complaints/" + receipt.get("receiptNumber").asString() + "/receipt";

		assertThat(submit(Http.local(this.port, TestTokens.token("auditor", "AUDITOR")), complaint("x", null), null)
			.getStatusCode()
			.value()).isEqualTo(403);
		assertThat(this.http.get().uri(path).retrieve().toEntity(JsonNode.class).getStatusCode().value())
			.isEqualTo(401);
		assertThat(Http.local(this.port, TestTokens.officer("SUPPLY"))
			.get()
			.uri(path)
			.retrieve()
			.toEntity(JsonNode.class)
			.getStatusCode()
			.value()).isEqualTo(403);
		assertThat(Http.local(this.port, TestTokens.token("dm", "DM"))
			.get()
			.uri(path)
			.retrieve()
			.toEntity(JsonNode.class)
			.getStatusCode()
			.value()).as("the receipt shows the access code: the counter's only").isEqualTo(403);
	}

	@Test
	void aFieldTheApiDoesNotTakeIsRefusedNotIgnored() {
		Map<String, Object> withExtra = new java.util.HashMap<>(complaint("Extra", null));
		withExtra.put("receiptNumber", "NAL-2026-000001-Q");

		ResponseEntity<JsonNode> response = submit(withExtra, null);

		assertThat(response.getStatusCode().value()).isEqualTo(400);
		assertThat(response.getBody().get("errors").findValuesAsString("field")).containsExactly("receiptNumber");
	}

	private ResponseEntity<JsonNode> get(String path) {
		return this.desk.get().uri(path).retrieve().toEntity(JsonNode.class);
	}

	private ResponseEntity<JsonNode> submit(Object body, String idempotencyKey) {
		return submit(this.http, body, idempotencyKey);
	}

	private ResponseEntity<JsonNode> submit(RestClient client, Object body, String idempotencyKey) {
		return client.post().uri("/api/v1/complaints").contentType(MediaType.APPLICATION_JSON).headers((headers) -> {
			if (idempotencyKey != null) {
				headers.add("Idempotency-Key", idempotencyKey);
			}
		}).body(body).retrieve().toEntity(JsonNode.class);
	}

	static Map<String, Object> complaint(String subject, String channelReference) {
		Map<String, Object> applicant = Map.of("name", "सुनीता देवी", "mobile", "9876543210", "email",
				"sunita@example.in", "address", "ग्राम बेलछी, बिहारशरीफ, नालंदा", "preferredLanguage", "hi");
		Map<String, Object> complaint = new java.util.HashMap<>(Map.of("channel", "WEB", "applicant", applicant,
				"subject", subject, "description", "मेरे राशन कार्ड में बच्चों के नाम नहीं जोड़े गए हैं।"));
		if (channelReference != null) {
			complaint.put("channelReference", channelReference);
		}
		return complaint;
	}

}
