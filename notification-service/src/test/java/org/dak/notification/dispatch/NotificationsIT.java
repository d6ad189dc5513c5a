package org.dak.notification.dispatch;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.dak.contracts.GoldenSamples;
import org.dak.contracts.Topic;
import org.dak.contracts.Topics;
import org.dak.testsupport.PublishedRecords;
import org.dak.testsupport.Http;
import org.dak.testsupport.ServiceIntegrationTest;
import org.dak.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ServiceIntegrationTest
class NotificationsIT {

	@RegisterExtension
	static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
		.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
		.withPerMethodLifecycle(false);

	@RegisterExtension
	static WireMockExtension smsProvider = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort())
		.build();

	@DynamicPropertySource
	static void providers(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", () -> mail.getSmtp().getPort());
		registry.add("dak.notification.sms.url", () -> smsProvider.baseUrl() + "/api/sms");
		registry.add("dak.notification.sms.api-key", () -> "test-key");
		registry.add("dak.notification.retry.initial-backoff", () -> "50ms");
		registry.add("dak.notification.retry.attempt-timeout", () -> "1s");
		// one test makes the provider fail on purpose; the others must not find its
		// circuit open
		registry.add("dak.notification.circuit-breaker.minimum-calls", () -> "50");
	}

	@LocalServerPort
	int port;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@BeforeEach
	void providerAccepts() {
		smsProvider.stubFor(post(urlEqualTo("/api/sms")).willReturn(aResponse().withStatus(202)));
	}

	@Test
	void applicantGetsTheReceiptBySmsAndEmailInHindiOnceEvenIfTheEventComesTwice() throws Exception {
		String id = "NAL-2026-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase() + "-A";
		String event = received(id, "sunita." + id + "@example.in", "hi");

		PublishedRecords.send(this.bootstrapServers, Topics.COMPLAINT_RECEIVED, id, bytes(event));
		PublishedRecords.send(this.bootstrapServers, Topics.COMPLAINT_RECEIVED, id, bytes(event));

		List<LoggedRequest> sms = awaitSms(id, 1);
		JsonNode body = tools.jackson.databind.json.JsonMapper.builder().build().readTree(sms.get(0).getBodyAsString());
		assertThat(body.get("to").asString()).isEqualTo("+919876543210");
		assertThat(body.get("message").asString()).contains("आपका आवेदन प्राप्त हुआ", id);
		assertThat(body.get("reference").asString()).endsWith(":SMS:APPLICANT");
		assertThat(sms.get(0).getHeader("Authorization")).isEqualTo("Bearer test-key");
		MimeMessage email = awaitMail("sunita." + id + "@example.in").get(0);
		assertThat(email.getSubject()).isEqualTo("पावती: आपका आवेदन " + id + " प्राप्त हुआ");
		assertThat(GreenMailUtil.getBody(email)).isNotBlank();
		assertThat(email.getContent().toString()).contains("प्रिय सुनीता देवी", "राशन कार्ड");

		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> smsFor(id).size() == 1);
		assertThat(log(id)).extracting((n) -> n.get("channel").asString() + "/" + n.get("status").asString())
			.containsExactlyInAnyOrder("SMS/SENT", "EMAIL/SENT");
	}

	@Test
	void officerIsMailedWhenAnItemIsMarkedAndApplicantHearsOfDisposalInEnglish() throws Exception {
		String id = "NAL-2026-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase() + "-B";
		PublishedRecords.send(this.bootstrapServers, Topics.COMPLAINT_RECEIVED, id,
				bytes(received(id, "ram." + id + "@example.in", "en")));
		awaitSms(id, 1);
		String officer = "officer." + id.toLowerCase() + "@dak.local";
		String routed = GoldenSamples.json(Topic.COMPLAINT_ROUTED)
			.replace("NAL-2026-000123-C", id)
			.replace("6a1c7f3e-2b4d-4e8f-8a9b-0c1d2e3f4a5b", UUID.randomUUID().toString())
			.replace("dso.nalanda@dak.local", officer);
		String disposed = GoldenSamples.json(Topic.STATUS_UPDATED)
			.replace("NAL-2026-000123-C", id)
			.replace("c2d3e4f5-a6b7-4c8d-9e0f-1a2b3c4d5e6f", UUID.randomUUID().toString());

		PublishedRecords.send(this.bootstrapServers, Topics.COMPLAINT_ROUTED, id, bytes(routed));
		PublishedRecords.send(this.bootstrapServers, Topics.STATUS_UPDATED, id, bytes(disposed));

		MimeMessage officerMail = awaitMail(officer).get(0);
		assertThat(officerMail.getSubject()).contains(id);
		assertThat(officerMail.getContent().toString()).contains("जिला आपूर्ति कार्यालय", "2026-12-15",
				"कृपया 7 दिनों में जाँच कर प्रतिवेदन दें।");
		List<LoggedRequest> sms = awaitSms(id, 3);
		assertThat(sms).extracting(LoggedRequest::getBodyAsString)
			.anyMatch((text) -> text.contains("has been sent to District Supply Office (PDS)"))
			.anyMatch((text) -> text.contains("has been disposed of"));
		assertThat(awaitMail("ram." + id + "@example.in")).hasSize(3);
	}

	@Test
	void aFailingSmsProviderIsRetriedThenLoggedAsFailedAndEventsKeepFlowing() {
		String id = "NAL-2026-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase() + "-C";
		smsProvider.stubFor(post(urlEqualTo("/api/sms")).withRequestBody(matchingJsonPath("$.message", containing(id)))
			.willReturn(aResponse().withStatus(503)));

		PublishedRecords.send(this.bootstrapServers, Topics.COMPLAINT_RECEIVED, id,
				bytes(received(id, "x." + id + "@example.in", "hi")));

		await().atMost(Duration.ofSeconds(30))
			.until(() -> log(id).stream()
				.map((n) -> n.get("channel").asString() + "/" + n.get("status").asString())
				.toList()
				.containsAll(List.of("SMS/FAILED", "EMAIL/SENT")));
		assertThat(smsFor(id)).hasSize(3);
	}

	@Test
	void aProviderThatDoesNotAnswerInTimeIsGivenUpOnAndRetried() {
		String id = "NAL-2026-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase() + "-D";
		smsProvider.stubFor(post(urlEqualTo("/api/sms")).withRequestBody(matchingJsonPath("$.message", containing(id)))
			.willReturn(aResponse().withStatus(202).withFixedDelay(3000)));

		PublishedRecords.send(this.bootstrapServers, Topics.COMPLAINT_RECEIVED, id,
				bytes(received(id, "slow." + id + "@example.in", "hi")));

		await().atMost(Duration.ofSeconds(40))
			.until(() -> log(id).stream()
				.anyMatch(
						(n) -> "SMS".equals(n.get("channel").asString()) && "FAILED".equals(n.get("status").asString())
								&& n.get("reason").asString().contains("did not answer within")));
		assertThat(smsFor(id)).hasSize(3);
	}

	private static com.github.tomakehurst.wiremock.matching.StringValuePattern containing(String text) {
		return com.github.tomakehurst.wiremock.client.WireMock.containing(text);
	}

	private List<JsonNode> log(String id) {
		JsonNode log = Http.local(this.port, TestTokens.token("dm", "DM"))
			.get()
			.uri("/api/v1/notifications?complaintId=" + id)
			.retrieve()
			.body(JsonNode.class);
		return log.valueStream().toList();
	}

	private static List<LoggedRequest> smsFor(String id) {
		return smsProvider.findAll(postRequestedFor(urlEqualTo("/api/sms")))
			.stream()
			.filter((request) -> request.getBodyAsString().contains(id))
			.toList();
	}

	private static List<LoggedRequest> awaitSms(String id, int count) {
		await().atMost(Duration.ofSeconds(30)).until(() -> smsFor(id).size() >= count);
		return smsFor(id);
	}

	private static List<MimeMessage> awaitMail(String to) {
		await().atMost(Duration.ofSeconds(30)).until(() -> !mailTo(to).isEmpty());
		return mailTo(to);
	}

	private static List<MimeMessage> mailTo(String to) {
		return Arrays.stream(mail.getReceivedMessages()).filter((message) -> {
			try {
				return Arrays.stream(message.getAllRecipients()).anyMatch((r) -> r.toString().equals(to));
			}
			catch (jakarta.mail.MessagingException ex) {
				return false;
			}
		}).toList();
	}

	private static String received(String id, String email, String language) {
		return GoldenSamples.json(Topic.COMPLAINT_RECEIVED)
			.replace("NAL-2026-000123-C", id)
			.replace("0b9d5c8e-6f1a-4f43-9a57-1d6f0f3f2a10", "evt-" + id)
			.replace("sunita@example.in", email)
			.replace("\"preferredLanguage\": \"hi\"", "\"preferredLanguage\": \"" + language + "\"");
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
