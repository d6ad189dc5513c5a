package org.dak.intake.complaint;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.dak.contracts.ComplaintRouted;
import org.dak.contracts.StatusUpdated;
import org.dak.contracts.Topics;
import org.dak.support.events.EventJson;
import org.dak.testsupport.Http;
import org.dak.testsupport.PublishedRecords;
import org.dak.testsupport.ServiceIntegrationTest;
import org.dak.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ServiceIntegrationTest
class ChannelsAndAttachmentsIT {

	static final byte[] PDF = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
		.getBytes(StandardCharsets.US_ASCII);

	static final byte[] TIFF = { 'I', 'I', 42, 0, 8, 0, 0, 0, 0, 0 };

	static final byte[] EXECUTABLE = { 'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0 };

	@LocalServerPort
	int port;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Autowired
	MongoTemplate mongo;

	@Test
	void theDeskRegistersALetterWithItsScanWhichStaffCanDownload() {
		RestClient desk = Http.local(this.port, TestTokens.token("desk", "RECEIPT_DESK"));

		ResponseEntity<JsonNode> response = multipart(desk, "/api/v1/complaints",
				part("complaint", letter("POST", "PS/2026/771"), MediaType.APPLICATION_JSON),
				file("files", "पत्र स्कैन.pdf", PDF));

		assertThat(response.getStatusCode().value()).isEqualTo(201);
		assertThat(response.getBody().get("enclosures").get(0).asString()).isEqualTo("पत्र स्कैन.pdf");
		String id = response.getBody().get("receiptNumber").asString();
		JsonNode stored = desk.get().uri("/api/v1/complaints/" + id + "/receipt").retrieve().body(JsonNode.class);
		assertThat(stored.get("enclosures").toString()).contains("पत्र स्कैन.pdf");
	}

	@Test
	void aPdfThatIsReallyAProgramIsRefusedAndNothingIsStored() {
		RestClient desk = Http.local(this.port, TestTokens.token("desk", "RECEIPT_DESK"));

		ResponseEntity<JsonNode> response = multipart(desk, "/api/v1/complaints",
				part("complaint", letter("POST", "PS/2026/772"), MediaType.APPLICATION_JSON),
				file("files", "letter.pdf", EXECUTABLE));

		assertThat(response.getStatusCode().value()).isEqualTo(415);
		assertThat(response.getBody().get("type").asString()).isEqualTo("/problems/unsupported-attachment");
		assertThat(response.getBody().get("detail").asString()).contains("letter.pdf");
		ResponseEntity<JsonNode> retry = multipart(desk, "/api/v1/complaints",
				part("complaint", letter("POST", "PS/2026/772"), MediaType.APPLICATION_JSON),
				file("files", "letter.pdf", PDF));
		assertThat(retry.getStatusCode().value()).as("the refused upload left no item behind").isEqualTo(201);
	}

	@Test
	void aFileOverTheLimitIsRefusedWith413() {
		RestClient desk = Http.local(this.port, TestTokens.token("desk", "RECEIPT_DESK"));
		byte[] big = new byte[11 * 1024 * 1024];
		System.arraycopy(PDF, 0, big, 0, PDF.length);

		ResponseEntity<JsonNode> response = multipart(desk, "/api/v1/complaints",
				part("complaint", letter("POST", "PS/2026/773"), MediaType.APPLICATION_JSON),
				file("files", "big.pdf", big));

		assertThat(response.getStatusCode().value()).isEqualTo(413);
		assertThat(response.getBody().get("type").asString()).isEqualTo("/problems/attachment-too-large");
	}

	@Test
	void aSocialMediaPostBecomesAnItemOnceAndOnlyItsAdapterMayPushIt() {
		RestClient social = Http.local(this.port, TestTokens.adapter("SOCIAL_MEDIA"));
		Map<String, Object> post = Map.of("platform", "x", "handle", "nalanda_citizen", "postId", "1862001", "postUrl",
				"https://x.example/nalanda_citizen/status/1862001", "text",
				"@DM_Nalanda बिहारशरीफ़ में तीन दिन से बिजली नहीं है\nकृपया मदद करें", "postedAt",
				"2026-11-28T04:10:00Z");

		ResponseEntity<JsonNode> first = Http.json(social, HttpMethod.POST, "/api/v1/channels/social", post);
		ResponseEntity<JsonNode> retry = Http.json(social, HttpMethod.POST, "/api/v1/channels/social", post);
		ResponseEntity<JsonNode> byFaxBridge = Http.json(Http.local(this.port, TestTokens.adapter("FAX")),
				HttpMethod.POST, "/api/v1/channels/social", post);

		assertThat(first.getStatusCode().value()).isEqualTo(201);
		assertThat(first.getBody().get("subject").asString())
			.isEqualTo("@DM_Nalanda बिहारशरीफ़ में तीन दिन से बिजली नहीं है");
		assertThat(first.getBody().get("channel").asString()).isEqualTo("SOCIAL_MEDIA");
		assertThat(retry.getStatusCode().value()).isEqualTo(200);
		assertThat(retry.getBody().get("receiptNumber")).isEqualTo(first.getBody().get("receiptNumber"));
		assertThat(byFaxBridge.getStatusCode().value()).isEqualTo(403);
	}

	@Test
	void aFaxWithTiffPagesBecomesAnItemOnceAndOnlyTheFaxAdapterOrTheDeskMayPushIt() {
		RestClient faxBridge = Http.local(this.port, TestTokens.adapter("FAX"));
		Map<String, Object> fax = Map.of("faxId", "FAX-20261128-0042", "senderNumber", "+91 612 2200456", "receivedAt",
				"2026-11-28T05:00:00Z", "subject", "भूमि विवाद के संबंध में");

		ResponseEntity<JsonNode> first = multipart(faxBridge, "/api/v1/channels/fax",
				part("fax", fax, MediaType.APPLICATION_JSON), file("pages", "page-1.tif", TIFF));
		ResponseEntity<JsonNode> retry = multipart(faxBridge, "/api/v1/channels/fax",
				part("fax", fax, MediaType.APPLICATION_JSON), file("pages", "page-1.tif", TIFF));
		ResponseEntity<JsonNode> byMailBridge = multipart(Http.local(this.port, TestTokens.adapter("EMAIL")),
				"/api/v1/channels/fax", part("fax", fax, MediaType.APPLICATION_JSON), file("pages", "p.tif", TIFF));
		ResponseEntity<JsonNode> jpegPage = multipart(faxBridge, "/api/v1/channels/fax",
				part("fax",
						Map.of("faxId", "FAX-2", "senderNumber", "0612 2200456", "receivedAt", "2026-11-28T05:00:00Z"),
						MediaType.APPLICATION_JSON),
				file("pages", "photo.jpg", new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0 }));

		assertThat(first.getStatusCode().value()).isEqualTo(201);
		assertThat(first.getBody().get("channel").asString()).isEqualTo("FAX");
		assertThat(first.getBody().get("enclosures").get(0).asString()).isEqualTo("page-1.tif");
		assertThat(retry.getStatusCode().value()).isEqualTo(200);
		assertThat(byMailBridge.getStatusCode().value()).isEqualTo(403);
		assertThat(jpegPage.getStatusCode().value()).isEqualTo(415);
	}

	@Test
	void anOfficerOpensTheFilesOfTheLatestMarkingWhicheverOrderTheNewsArrivesIn() {
		RestClient desk = Http.local(this.port, TestTokens.token("desk", "RECEIPT_DESK"));
		String id = multipart(desk, "/api/v1/complaints",
				part("complaint", letter("POST", "PS/2026/790"), MediaType.APPLICATION_JSON),
				file("files", "letter.pdf", PDF))
			.getBody()
			.get("receiptNumber")
			.asString();
		// the DM marked it to Health (1), then re-marked it to Supply with a copy to
		// Police
		// (2); tracking's word on the second arrives first, routing's copies after it,
		// and
		// the first marking's news last of all
		news(Topics.STATUS_UPDATED, marked(id, "MARKED", "SUPPLY", 2));
		news(Topics.COMPLAINT_ROUTED, routed(id, "SUPPLY", List.of("POLICE"), 2));
		StatusUpdated late = marked(id, "MARKED", "HEALTH", 1);
		news(Topics.STATUS_UPDATED, late);
		ComplaintRouted lateCopies = routed(id, "HEALTH", List.of("HEALTH_COPY"), 1);
		news(Topics.COMPLAINT_ROUTED, lateCopies);

		await().atMost(Duration.ofSeconds(30)).until(() -> handled(late.eventId()) && handled(lateCopies.eventId()));
		assertThat(files(id, "POLICE")).isEqualTo(200);
		assertThat(files(id, "SUPPLY")).isEqualTo(200);
		assertThat(files(id, "HEALTH")).as("the older marking's department").isEqualTo(404);
		assertThat(files(id, "HEALTH_COPY")).as("the older marking's copy").isEqualTo(404);

		news(Topics.STATUS_UPDATED, marked(id, "RECALLED", null, 3));
		await().atMost(Duration.ofSeconds(30)).until(() -> files(id, "SUPPLY") == 404);
		assertThat(files(id, "POLICE")).isEqualTo(404);
		assertThat(files(id, "DM")).isEqualTo(200);
	}

	/** Whether intake has handled the event (its ledger of handled events has it). */
	private boolean handled(String eventId) {
		return this.mongo.findById(eventId, Document.class, "processed_events") != null;
	}

	private int files(String id, String department) {
		String token = department.equals("DM") ? TestTokens.token("dm", "DM")
				: TestTokens.token("officer." + department, "DEPARTMENT_OFFICER", Map.of("department", department));
		return Http.local(this.port, token)
			.get()
			.uri("/api/v1/complaints/" + id + "/attachments")
			.retrieve()
			.toBodilessEntity()
			.getStatusCode()
			.value();
	}

	private static StatusUpdated marked(String id, String status, String department, long sequence) {
		return new StatusUpdated(UUID.randomUUID().toString(), id, Instant.now(), status, "RECEIVED", department, null,
				"dm", null, null, sequence);
	}

	private static ComplaintRouted routed(String id, String department, List<String> copies, long sequence) {
		return new ComplaintRouted(UUID.randomUUID().toString(), id, Instant.now(), department, department, department,
				null, "कृपया जाँच करें", null, "dm", copies, sequence);
	}

	private void news(String topic, Record event) {
		PublishedRecords.send(this.bootstrapServers, topic,
				((event instanceof StatusUpdated status) ? status.complaintId()
						: ((ComplaintRouted) event).complaintId()),
				EventJson.write(event).getBytes(StandardCharsets.UTF_8));
	}

	private static Map<String, Object> letter(String channel, String letterReference) {
		return Map.of("channel", channel, "applicant",
				Map.of("name", "रामेश्वर प्रसाद", "address", "मोहल्ला कागजी, बिहारशरीफ़"), "subject",
				"नाली निर्माण हेतु आवेदन", "description", "मोहल्ले में नाली नहीं है।", "letterReference",
				letterReference, "letterDate", "2026-11-25");
	}

	@SafeVarargs
	private static ResponseEntity<JsonNode> multipart(RestClient client, String path,
			Map.Entry<String, HttpEntity<?>>... parts) {
		MultiValueMap<String, HttpEntity<?>> body = new LinkedMultiValueMap<>();
		for (Map.Entry<String, HttpEntity<?>> part : parts) {
			body.add(part.getKey(), part.getValue());
		}
		return client.post()
			.uri(path)
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(body)
			.retrieve()
			.toEntity(JsonNode.class);
	}

	private static Map.Entry<String, HttpEntity<?>> part(String name, Object value, MediaType type) {
		return Map.entry(name, Http.jsonPart(value));
	}

	private static Map.Entry<String, HttpEntity<?>> file(String name, String filename, byte[] content) {
		return Map.entry(name, Http.filePart(name, filename, MediaType.APPLICATION_OCTET_STREAM, content));
	}

}
