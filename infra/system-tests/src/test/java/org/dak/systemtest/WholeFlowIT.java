package org.dak.systemtest;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import org.dak.testsupport.Http;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The public flow, end to end, through the gateway only: submit, mark, work, track, and
 * the messages that go out on the way.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WholeFlowIT {

	static RunningSystem system;

	static RestClient gateway;

	static RestClient dm;

	static RestClient electricity;

	@BeforeAll
	static void startTheSystem() {
		system = RunningSystem.shared();
		Gateway through = new Gateway(system);
		gateway = through.anonymous();
		dm = through.as(through.account("dm.flow", "DM", Map.of()));
		electricity = through
			.as(through.account("officer.electricity", "DEPARTMENT_OFFICER", Map.of("department", "ELECTRICITY")));
	}

	@Test
	@Order(1)
	void aComplaintTravelsFromSubmissionToDisposalAndTheApplicantCanFollowIt() {
		ResponseEntity<JsonNode> submitted = submit(complaint("anita@example.in", "बिजली बिल में गड़बड़ी"), "flow-1");
		assertThat(submitted.getStatusCode().value()).isEqualTo(201);
		String id = submitted.getBody().get("receiptNumber").asString();
		String code = submitted.getBody().get("accessCode").asString();

		await().atMost(Duration.ofSeconds(60))
			.until(() -> dm.get()
				.uri("/api/v1/inbox/" + id)
				.retrieve()
				.toEntity(JsonNode.class)
				.getStatusCode()
				.value() == 200);
		ResponseEntity<JsonNode> marked = Http.json(dm, HttpMethod.POST, "/api/v1/inbox/" + id + "/marking",
				Map.of("departmentCode", "ELECTRICITY", "instructions", "बिल की जाँच कर सुधार करें"));
		assertThat(marked.getStatusCode().value()).isEqualTo(200);

		await().atMost(Duration.ofSeconds(60)).until(() -> "MARKED".equals(caseStatus(id)));
		assertThat(Http
			.json(electricity, HttpMethod.POST, "/api/v1/cases/" + id + "/status", Map.of("status", "IN_PROGRESS"))
			.getStatusCode()
			.value()).isEqualTo(200);
		assertThat(Http
			.json(electricity, HttpMethod.POST, "/api/v1/cases/" + id + "/status",
					Map.of("status", "DISPOSED", "note", "बिल सुधार दिया गया है"))
			.getStatusCode()
			.value()).isEqualTo(200);

		// tracking owns the lifecycle: once the desk has heard of the disposal,
		// re-marking
		// and recall are refused, naming the state, and the case stays as it is
		await().atMost(Duration.ofSeconds(60))
			.until(() -> "DISPOSED"
				.equals(dm.get().uri("/api/v1/inbox/" + id).retrieve().body(JsonNode.class).get("status").asString()));
		ResponseEntity<JsonNode> remarked = Http.json(dm, HttpMethod.POST, "/api/v1/inbox/" + id + "/re-marking",
				Map.of("departmentCode", "POLICE"));
		ResponseEntity<JsonNode> recalled = Http.json(dm, HttpMethod.POST, "/api/v1/inbox/" + id + "/recall",
				Map.of("reason", "पुनः जाँच"));
		assertThat(remarked.getStatusCode().value()).isEqualTo(409);
		assertThat(remarked.getBody().get("itemStatus").asString()).isEqualTo("DISPOSED");
		assertThat(recalled.getStatusCode().value()).isEqualTo(409);
		assertThat(caseStatus(id)).isEqualTo("DISPOSED");

		JsonNode tracked = gateway.get()
			.uri("/api/v1/public/track/" + id + "?code=" + code)
			.retrieve()
			.body(JsonNode.class);
		assertThat(tracked.get("status").asString()).isEqualTo("DISPOSED");
		assertThat(tracked.get("timeline").findValuesAsString("status")).containsExactly("RECEIVED", "MARKED",
				"IN_PROGRESS", "DISPOSED");
		assertThat(tracked.get("applicant").get("initials").asString()).isEqualTo("अ. क.");
		assertThat(tracked.get("applicant").get("mobile").asString()).isEqualTo("XXXXXX1122");
		assertThat(tracked.toString()).doesNotContain("9988771122", "anita@example.in", "अनीता कुमारी");

		// the receipt goes by SMS and e-mail, later news by SMS (her mobile is her
		// channel)
		await().atMost(Duration.ofSeconds(60)).until(() -> !mailTo("anita@example.in").isEmpty());
		List<String> applicantSubjects = mailTo("anita@example.in").stream().map(WholeFlowIT::subject).toList();
		assertThat(applicantSubjects).anyMatch((s) -> s.contains("पावती") && s.contains(id));
		await().atMost(Duration.ofSeconds(60)).until(() -> !mailTo("ee.electric.nalanda@dak.local").isEmpty());
		assertThat(subject(mailTo("ee.electric.nalanda@dak.local").get(0))).contains(id);
		await().atMost(Duration.ofSeconds(60)).until(() -> smsAbout(id).size() >= 4);
		// the timeline's staff view shows the messages sent, from notification-dispatched
		await().atMost(Duration.ofSeconds(60))
			.until(() -> dm.get()
				.uri("/api/v1/cases/" + id)
				.retrieve()
				.body(JsonNode.class)
				.get("messages")
				.findValuesAsString("template")
				.contains("status-disposed"));
		assertThat(smsAbout(id)).anyMatch((body) -> body.contains("आपका आवेदन प्राप्त हुआ"))
			.anyMatch((body) -> body.contains("का निष्पादन कर दिया गया है"));
	}

	@Test
	@Order(2)
	void theSameSubmissionTwiceWithOneKeyIsOneComplaintWithOneReceipt() {
		Map<String, Object> complaint = complaint("twice@example.in", "हैंडपंप खराब");

		ResponseEntity<JsonNode> first = submit(complaint, "same-key");
		ResponseEntity<JsonNode> second = submit(complaint, "same-key");

		assertThat(first.getStatusCode().value()).isEqualTo(201);
		assertThat(second.getStatusCode().value()).isEqualTo(200);
		assertThat(second.getBody()).isEqualTo(first.getBody());
		String id = first.getBody().get("receiptNumber").asString();
		await().atMost(Duration.ofSeconds(60))
			.until(() -> inbox().findValuesAsString("subject").contains("हैंडपंप खराब"));
		assertThat(inbox().findValuesAsString("complaintId")).containsOnlyOnce(id);
	}

	@Test
	@Order(3)
	void aSubmissionIsAcceptedWhileKafkaIsDownAndReachesTrackingWhenItIsBack() {
		system.kafka().stop();

		ResponseEntity<JsonNode> submitted = submit(complaint("outage@example.in", "नाली जाम"), "during-outage");
		assertThat(submitted.getStatusCode().value()).isEqualTo(201);
		String id = submitted.getBody().get("receiptNumber").asString();
		String code = submitted.getBody().get("accessCode").asString();
		assertThat(gateway.get()
			.uri("/api/v1/public/track/" + id + "?code=" + code)
			.retrieve()
			.toEntity(JsonNode.class)
			.getStatusCode()
			.value()).as("nothing can reach tracking while the broker is down").isEqualTo(404);

		system.kafka().start();
		await().atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofSeconds(2))
			.until(() -> gateway.get()
				.uri("/api/v1/public/track/" + id + "?code=" + code)
				.retrieve()
				.toEntity(JsonNode.class)
				.getStatusCode()
				.value() == 200);
	}

	@Test
	@Order(4)
	void aStalledDatabaseIsAnswered503WithRetryAfterAndTheRetryMakesOneItem() {
		RestClient impatient = impatient();
		Map<String, Object> complaint = complaint("stalled@example.in", "डेटाबेस रुका " + System.nanoTime());
		String subject = (String) complaint.get("subject");
		ResponseEntity<JsonNode> during;
		system.database().pause();
		long start = System.nanoTime();
		try {
			during = submitWith(impatient, complaint, "stalled-db");
		}
		finally {
			system.database().resume();
		}
		// a figure for the record, not a timed assertion: the client's own time-out above
		// is what fails a hang
		System.out.printf("Database frozen: answered %d in %d ms%n", during.getStatusCode().value(),
				Duration.ofNanos(System.nanoTime() - start).toMillis());

		assertThat(during.getStatusCode().value()).isEqualTo(503);
		assertThat(during.getHeaders().getFirst("Retry-After")).isNotBlank();
		assertThat(during.getHeaders().getContentType()).hasToString("application/problem+json");
		ResponseEntity<JsonNode> retried = await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> submitWith(impatient, complaint, "stalled-db"),
					(answer) -> answer.getStatusCode().is2xxSuccessful());
		String id = retried.getBody().get("receiptNumber").asString();
		assertThat(submitWith(impatient, complaint, "stalled-db").getBody().get("receiptNumber").asString())
			.isEqualTo(id);
		await().atMost(Duration.ofSeconds(60)).until(() -> inbox().findValuesAsString("subject").contains(subject));
		assertThat(inbox().findValuesAsString("subject")).containsOnlyOnce(subject);
	}

	@Test
	@Order(5)
	void noTopicCarriesAnAccessCodeAOneTimeCodeOrAPasswordAndNothingIsADeadLetter() {
		ResponseEntity<JsonNode> submitted = submit(complaint("secret@example.in", "गुप्त कोड जाँच"), "secrets-1");
		String id = submitted.getBody().get("receiptNumber").asString();
		String code = submitted.getBody().get("accessCode").asString();
		await().atMost(Duration.ofSeconds(60)).until(() -> caseStatus(id) != null);
		Http.json(gateway, HttpMethod.POST, "/api/v1/public/track/" + id + "/one-time-code", Map.of("channel", "SMS"));
		await().atMost(Duration.ofSeconds(60))
			.until(() -> smsAbout(id).stream().anyMatch((body) -> body.contains("एक बार का कोड")));
		String oneTimeCode = smsAbout(id).stream()
			.filter((body) -> body.contains("एक बार का कोड"))
			.map((body) -> body.replaceAll("(?s).*कोड ([0-9]{6}).*", "$1"))
			.findFirst()
			.orElseThrow();
		assertThat(oneTimeCode).matches("[0-9]{6}");

		List<String> secrets = List.of(code, code.replace("-", ""), code.toLowerCase(), oneTimeCode,
				RunningSystem.ADMIN_PASSWORD, Gateway.PASSWORD);
		List<String> topics = java.util.Arrays.stream(org.dak.contracts.Topic.values())
			.flatMap((topic) -> java.util.stream.Stream.of(topic.topicName(), topic.deadLetterTopicName()))
			.toList();
		List<String> records = org.dak.testsupport.PublishedRecords.everything(system.kafka().bootstrapServers(),
				topics);
		assertThat(records).as("records read from every topic").anyMatch((record) -> record.contains(id));
		for (String record : records) {
			for (String secret : secrets) {
				assertThat(record).as("a record on a topic").doesNotContain(secret);
			}
		}
		// (the fault suite's poison records, keyed POISON-…, belong in their dead-letter
		// topics)
		assertThat(records).as("nothing of the whole flow became a dead letter")
			.noneMatch((record) -> record.split(" ", 3)[0].endsWith("-dlt")
					&& !record.split(" ", 3)[1].startsWith("POISON-"));
	}

	private static RestClient impatient() {
		java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
			.connectTimeout(Duration.ofSeconds(2))
			.build();
		org.springframework.http.client.JdkClientHttpRequestFactory factory = new org.springframework.http.client.JdkClientHttpRequestFactory(
				client);
		// "within 5 s": a little more for the machine, never the minute a hang would take
		factory.setReadTimeout(Duration.ofSeconds(7));
		return gateway.mutate().requestFactory(factory).build();
	}

	private static ResponseEntity<JsonNode> submitWith(RestClient client, Map<String, Object> complaint, String key) {
		return client.post()
			.uri("/api/v1/complaints")
			.contentType(MediaType.APPLICATION_JSON)
			.header("Idempotency-Key", key)
			.body(complaint)
			.retrieve()
			.toEntity(JsonNode.class);
	}

	private static String caseStatus(String id) {
		ResponseEntity<JsonNode> response = dm.get().uri("/api/v1/cases/" + id).retrieve().toEntity(JsonNode.class);
		return (response.getStatusCode().value() == 200) ? response.getBody().get("status").asString() : null;
	}

	private static JsonNode inbox() {
		return dm.get().uri("/api/v1/inbox?size=200").retrieve().body(JsonNode.class).get("content");
	}

	private static List<String> smsAbout(String id) {
		return system.sms()
			.findAll(postRequestedFor(urlEqualTo("/api/sms")))
			.stream()
			.map(LoggedRequest::getBodyAsString)
			.filter((body) -> body.contains(id))
			.toList();
	}

	private static List<MimeMessage> mailTo(String address) {
		return Arrays.stream(system.mail().getReceivedMessages()).filter((message) -> {
			try {
				for (Address recipient : message.getAllRecipients()) {
					if (recipient.toString().equals(address)) {
						return true;
					}
				}
				return false;
			}
			catch (jakarta.mail.MessagingException ex) {
				return false;
			}
		}).toList();
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static ResponseEntity<JsonNode> submit(Map<String, Object> complaint, String key) {
		return submitWith(gateway, complaint, key);
	}

	private static Map<String, Object> complaint(String email, String subject) {
		Map<String, Object> complaint = new HashMap<>();
		complaint.put("channel", "WEB");
		complaint.put("applicant",
				Map.of("name", "अनीता कुमारी", "mobile", "9988771122", "email", email, "preferredLanguage", "hi"));
		complaint.put("subject", subject);
		complaint.put("description", "कृपया शीघ्र कार्यवाही करें।");
		return complaint;
	}

}
