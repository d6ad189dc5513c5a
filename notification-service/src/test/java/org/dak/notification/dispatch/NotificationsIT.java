package org.dak.notification.dispatch;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dak.contracts.GoldenSamples;
import org.dak.contracts.NotificationDispatched;
import org.dak.contracts.Topic;
import org.dak.contracts.Topics;
import org.dak.notification.NotificationProperties;
import org.dak.notification.delivery.MailGateway;
import org.dak.notification.delivery.SmsProvider;
import org.dak.notification.template.Template;
import org.dak.notification.template.Templates;
import org.dak.support.events.EventJson;
import org.dak.support.events.Outbox;
import org.dak.items.identity.AccessCodes;
import org.dak.testsupport.MongoReads;
import org.dak.support.mongo.Maintenance;
import org.dak.testsupport.PublishedRecords;
import org.dak.testsupport.Http;
import org.dak.testsupport.ServiceIntegrationTest;
import org.dak.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ServiceIntegrationTest
@Import(MongoReads.Recording.class)
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
		registry.add("dak.notification.retry.later-backoff", () -> "300ms");
		registry.add("dak.notification.retry.max-later-backoff", () -> "1s");
		registry.add("dak.notification.retry.sender-interval", () -> "100ms");
		registry.add("dak.notification.sms.callback-token", () -> "test-callback-token");
		// one test makes the provider fail on purpose; the others must not find its
		// circuit open
		registry.add("dak.notification.circuit-breaker.minimum-calls", () -> "50");
	}

	static final String CODE = "7QK3M9ZD2XWA4HPR";

	@LocalServerPort
	int port;

	@Autowired
	OfficerDigest digest;

	@Autowired
	org.springframework.data.mongodb.core.MongoTemplate mongo;

	@Autowired
	NotificationQueue queue;

	@Autowired
	MongoReads reads;

	Maintenance maintenance;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@BeforeEach
	void providerAccepts() {
		smsProvider.stubFor(post(urlEqualTo("/api/sms")).willReturn(aResponse().withStatus(202)));
		this.maintenance = new Maintenance(this.mongo);
	}

	@Test
	void applicantGetsTheReceiptBySmsAndEmailInHindiOnceEvenIfTheEventComesTwice() throws Exception {
		String id = newId("A");
		String event = received(id, "sunita." + id + "@example.in", "hi");

		PublishedRecords.send(this.bootstrapServers, Topics.COMPLAINT_RECEIVED, id, bytes(event));
		PublishedRecords.send(this.bootstrapServers, Topics.COMPLAINT_RECEIVED, id, bytes(event));

		List<LoggedRequest> sms = awaitSms(id, 1);
		JsonNode body = tools.jackson.databind.json.JsonMapper.builder().build().readTree(sms.get(0).getBodyAsString());
		assertThat(body.get("to").asString()).isEqualTo("+919876543210");
		assertThat(body.get("message").asString()).contains("आपका आवेदन प्राप्त हुआ", id);
		assertThat(body.get("reference").asString()).isEqualTo("evt-" + id + ":SMS:APPLICANT");
		assertThat(body.get("templateId").asString()).isEqualTo("1107160000000000001");
		assertThat(body.get("sender").asString()).isEqualTo("DAKNAL");
		assertThat(sms.get(0).getHeader("Authorization")).isEqualTo("Bearer test-key");
		MimeMessage email = awaitMail("sunita." + id + "@example.in").get(0);
		assertThat(email.getSubject()).isEqualTo("पावती: आपका आवेदन " + id + " प्राप्त हुआ");
		assertThat(part(email, "text/plain")).contains("प्रिय सुनीता देवी", "राशन कार्ड");
		assertThat(part(email, "text/html")).contains("<a href=\"http://localhost:8080/track/" + id);
		assertThat(email.getHeader("X-Dak-Notification-Id")[0]).isEqualTo("evt-" + id + ":EMAIL:APPLICANT");

		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> smsFor(id).size() == 1);
		assertThat(log(id)).extracting((n) -> n.get("channel").asString() + "/" + n.get("status").asString())
			.containsExactlyInAnyOrder("SMS/sent", "EMAIL/sent");
		assertThat(log(id).toString()).doesNotContain("9876543210", "sunita." + id);
	}

	@Test
	void officerIsMailedWhenAnItemIsMarkedAndApplicantHearsOfDisposalInEnglishBySms() throws Exception {
		String id = newId("B");
		PublishedRecords.send(this.bootstrapServers, Topics.COMPLAINT_RECEIVED, id,
				bytes(received(id, "ram." + id + "@example.in", "en")));
		awaitSms(id, 1);
		String officer = "officer." + id.toLowerCase() + "@dak.local";
		String routed = routedTo(id, officer);
		String disposed = disposed(id);

		PublishedRecords.send(this.bootstrapServers, Topics.COMPLAINT_ROUTED, id, bytes(routed));
		PublishedRecords.send(this.bootstrapServers, Topics.STATUS_UPDATED, id, bytes(tracking(id, "MARKED", null)));
		PublishedRecords.send(this.bootstrapServers, Topics.STATUS_UPDATED, id, bytes(disposed));

		MimeMessage officerMail = awaitMail(officer).get(0);
		assertThat(officerMail.getSubject()).contains(id);
		assertThat(part(officerMail, "text/plain")).contains("जिला आपूर्ति कार्यालय", "2026-12-15",
				"कृपया 7 दिनों में जाँच कर प्रतिवेदन दें।");
		List<LoggedRequest> sms = awaitSms(id, 3);
		assertThat(sms).extracting(LoggedRequest::getBodyAsString)
			.anyMatch((text) -> text.contains("has been sent to District Supply Office (PDS)"))
			.anyMatch((text) -> text.contains("has been disposed of"));
		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(5))
			.until(() -> mailTo("ram." + id + "@example.in").size() == 1);
	}

	/**
	 * Two instances of the service (here two senders, each with its threads and its
	 * memory) over one queue: every message is claimed by one of them and sent once.
	 */
	@Test
	void twoSendersOverOneQueueSendEveryMessageOnce(@Autowired NotificationSender first, @Autowired Templates templates,
			@Autowired SmsProvider sms, @Autowired MailGateway mailGateway, @Autowired MeterRegistry meters,
			@Autowired NotificationProperties properties, @Autowired Fallbacks fallbacks) {
		NotificationSender second = new NotificationSender(this.queue, templates, sms, mailGateway, meters, properties,
				fallbacks);
		String run = newId("S");
		// a provider that takes a moment, so both senders are at work at the same time
		smsProvider.stubFor(post(urlEqualTo("/api/sms")).atPriority(1)
			.withRequestBody(containing(run))
			.willReturn(aResponse().withStatus(202).withFixedDelay(40)));
		List<String> references = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			String reference = "two-senders:" + run + ":" + i;
			references.add(reference);
			this.queue.add(reference, null,
					Message.sms(Template.ONE_TIME_CODE, "hi", "98765%05d".formatted(i),
							Map.of("receiptNumber", run, "code", "4821" + i, "minutes", "10", "office", "Nalanda")),
					null);
		}
		AtomicBoolean stop = new AtomicBoolean();
		ExecutorService instances = Executors.newFixedThreadPool(2);
		try {
			for (NotificationSender sender : List.of(first, second)) {
				instances.submit(() -> {
					while (!stop.get()) {
						sender.sendDue("SMS");
					}
				});
			}
			await().atMost(Duration.ofSeconds(30))
				.until(() -> references.stream().allMatch((reference) -> smsWithReference(reference) >= 1));
			await().during(Duration.ofSeconds(2))
				.atMost(Duration.ofSeconds(5))
				.until(() -> references.stream().allMatch((reference) -> smsWithReference(reference) == 1));
		}
		finally {
			stop.set(true);
			instances.shutdownNow();
			second.destroy();
		}
	}

	private static long smsWithReference(String reference) {
		return smsProvider.findAll(postRequestedFor(urlEqualTo("/api/sms")))
			.stream()
			.filter((request) -> request.getBodyAsString().contains("\"" + reference + "\""))
			.count();
	}

	@Test
	void aProviderDownForAWhileHoldsNothingUpAndEveryWaitingMessageGoesOutOnceWhenItIsBack() {
		String id = newId("C");
		String other = newId("C");
		UUID down = UUID.randomUUID();
		smsProvider.stubFor(post(urlEqualTo("/api/sms")).withId(down)
			.atPriority(1)
			.withRequestBody(matchingJsonPath("$.message", containing(id)))
			.willReturn(aResponse().withStatus(503)));

		PublishedRecords.send(this.bootstrapServers, Topics.COMPLAINT_RECEIVED, id,
				bytes(received(id, "x." + id + "@example.in", "hi")));
		PublishedRecords.send(this.bootstrapServers, Topics.COMPLAINT_RECEIVED, other,
				bytes(received(other, "y." + other + "@example.in", "hi")));

		await().atMost(Duration.ofSeconds(30))
			.until(() -> log(id).stream()
				.anyMatch((n) -> "SMS".equals(n.get("channel").asString())
						&& "temporary-failure".equals(n.get("status").asString()) && n.get("attempts").asInt() >= 2));
		assertThat(status(id, "EMAIL")).isEqualTo("sent");
		await().atMost(Duration.ofSeconds(30)).until(() -> "sent".equals(status(other, "SMS")));

		smsProvider.removeStub(down);

		await().atMost(Duration.ofSeconds(30)).until(() -> "sent".equals(status(id, "SMS")));
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> accepted(id) == 1);
		assertThat(smsFor(id).size()).as("tried while down, then once more").isGreaterThan(2);
	}

	@Test
	void aProviderThatDoesNotAnswerInTimeIsGivenUpOnAndTriedLaterWhileMailGoesOut() {
		String id = newId("D");
		smsProvider.stubFor(post(urlEqualTo("/api/sms")).atPriority(1)
			.withRequestBody(matchingJsonPath("$.message", containing(id)))
			.willReturn(aResponse().withStatus(202).withFixedDelay(3000)));

		PublishedRecords.send(this.bootstrapServers, Topics.COMPLAINT_RECEIVED, id,
				bytes(received(id, "slow." + id + "@example.in", "hi")));

		await().atMost(Duration.ofSeconds(10)).until(() -> "sent".equals(status(id, "EMAIL")));
		await().atMost(Duration.ofSeconds(40))
			.until(() -> log(id).stream()
				.anyMatch((n) -> "SMS".equals(n.get("channel").asString())
						&& "temporary-failure".equals(n.get("status").asString())
						&& n.get("reason").asString().contains("did not answer within")));
	}

	@Test
	void anSmsRefusedForGoodGoesToTheApplicantByEmailInstead() throws Exception {
		String id = newId("E");
		PublishedRecords.send(this.bootstrapServers, Topics.COMPLAINT_RECEIVED, id,
				bytes(received(id, "fall." + id + "@example.in", "hi")));
		awaitSms(id, 1);
		smsProvider.stubFor(post(urlEqualTo("/api/sms")).atPriority(1)
			.withRequestBody(matchingJsonPath("$.message", containing("का निष्पादन")))
			.withRequestBody(matchingJsonPath("$.message", containing(id)))
			.willReturn(aResponse().withStatus(400).withBody("{\"error\":\"DND number\"}")));

		PublishedRecords.send(this.bootstrapServers, Topics.STATUS_UPDATED, id, bytes(disposed(id)));

		await().atMost(Duration.ofSeconds(30)).until(() -> mailTo("fall." + id + "@example.in").size() == 2);
		MimeMessage fallback = mailTo("fall." + id + "@example.in").get(1);
		assertThat(fallback.getSubject()).isEqualTo("आवेदन " + id + ": निष्पादित");
		assertThat(log(id)).anySatisfy((n) -> {
			assertThat(n.get("channel").asString()).isEqualTo("SMS");
			assertThat(n.get("status").asString()).isEqualTo("permanent-failure");
			assertThat(n.get("reason").asString()).contains("400");
		}).anySatisfy((n) -> assertThat(n.path("fallbackFor").asString()).endsWith(":SMS:APPLICANT"));
	}

	@Test
	void theDmHasAnSmsThatWasRefusedSentAgainOnceTheProviderIsPutRightAndNothingElseGoesTwice() throws Exception {
		String id = newId("R");
		String email = "again." + id + "@example.in";
		PublishedRecords.send(this.bootstrapServers, Topics.COMPLAINT_RECEIVED, id, bytes(received(id, email, "hi")));
		awaitSms(id, 1);
		UUID refusing = UUID.randomUUID();
		smsProvider.stubFor(post(urlEqualTo("/api/sms")).withId(refusing)
			.atPriority(1)
			.withRequestBody(matchingJsonPath("$.message", containing("का निष्पादन")))
			.withRequestBody(matchingJsonPath("$.message", containing(id)))
			.willReturn(aResponse().withStatus(400).withBody("{\"error\":\"template not registered\"}")));
		PublishedRecords.send(this.bootstrapServers, Topics.STATUS_UPDATED, id, bytes(disposed(id)));
		await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(email).size() == 2);
		assertThat(status(id, "SMS")).as("the receipt's SMS").isEqualTo("sent");
		smsProvider.removeStub(refusing);
		RestClient dm = Http.local(this.port, TestTokens.token("dm.nalanda", "DM"));

		JsonNode resent = dm.post()
			.uri("/api/v1/notifications/resend?complaintId=" + id)
			.retrieve()
			.body(JsonNode.class);

		assertThat(resent.get("resent")).singleElement().satisfies((n) -> {
			assertThat(n.get("channel").asString()).isEqualTo("SMS");
			assertThat(n.get("template").asString()).isEqualTo("status-disposed");
			assertThat(n.get("reason").asString()).contains("dm.nalanda", "400");
		});
		assertThat(resent.get("unchanged").asInt()).isEqualTo(3);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> log(id).stream()
				.anyMatch((n) -> "status-disposed".equals(n.get("template").asString())
						&& "SMS".equals(n.get("channel").asString()) && "sent".equals(n.get("status").asString())));
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> accepted(id) == 2);
		assertThat(mailTo(email)).as("no mail again").hasSize(2);
		assertThat(dm.post()
			.uri("/api/v1/notifications/resend?complaintId=" + id)
			.retrieve()
			.body(JsonNode.class)
			.get("resent")).as("nothing is left to send again").isEmpty();
		assertThat(dm.post()
			.uri("/api/v1/notifications/resend?complaintId=" + newId("R"))
			.retrieve()
			.toEntity(JsonNode.class)
			.getStatusCode()
			.value()).isEqualTo(404);
		assertThat(Http.local(this.port, TestTokens.officer("SUPPLY"))
			.post()
			.uri("/api/v1/notifications/resend?complaintId=" + id)
			.retrieve()
			.toEntity(JsonNode.class)
			.getStatusCode()
			.value()).isEqualTo(403);
	}

	@Test
	void aDeliveryReceiptMarksTheSmsDeliveredAndAReceiptWithoutTheTokenIsRefused() {
		String id = newId("F");
		PublishedRecords.send(this.bootstrapServers, Topics.COMPLAINT_RECEIVED, id,
				bytes(received(id, "r." + id + "@example.in", "hi")));
		await().atMost(Duration.ofSeconds(30)).until(() -> "sent".equals(status(id, "SMS")));
		String reference = "evt-" + id + ":SMS:APPLICANT";

		ResponseEntity<JsonNode> anonymous = receipt(null, reference, "DELIVERED");
		ResponseEntity<JsonNode> wrongToken = receipt("guessed", reference, "DELIVERED");
		ResponseEntity<JsonNode> provider = receipt("test-callback-token", reference, "DELIVERED");

		assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
		assertThat(wrongToken.getStatusCode().value()).isEqualTo(401);
		assertThat(provider.getStatusCode().value()).isEqualTo(200);
		assertThat(status(id, "SMS")).isEqualTo("delivered");
		assertThat(receipt("test-callback-token", reference, "DELIVERED").getStatusCode().value())
			.as("a repeated receipt changes nothing and is answered OK")
			.isEqualTo(200);
		assertThat(receipt("test-callback-token", "no-such-reference", "DELIVERED").getStatusCode().value())
			.isEqualTo(404);
		ConsumerRecord<String, byte[]> dispatched = PublishedRecords.await(this.bootstrapServers,
				Topics.NOTIFICATION_DISPATCHED,
				(r) -> id.equals(r.key()) && PublishedRecords.text(r).contains("\"delivered\""),
				Duration.ofSeconds(30));
		NotificationDispatched event = EventJson.read(dispatched.value(), NotificationDispatched.class);
		assertThat(event.channel()).isEqualTo("SMS");
		assertThat(event.recipient()).isEqualTo("XXXXXX3210");
		assertThat(event.template()).isEqualTo("received");
	}

	@Test
	void anApplicantWhoOptsOutOfSmsWithTheirCodeHearsByEmailAndAWrongCodeChangesNothing() throws Exception {
		String id = newId("G");
		PublishedRecords.send(this.bootstrapServers, Topics.COMPLAINT_RECEIVED, id,
				bytes(received(id, "pref." + id + "@example.in", "hi")));
		awaitSms(id, 1);
		RestClient applicant = Http.local(this.port);

		ResponseEntity<JsonNode> wrong = applicant.put()
			.uri("/api/v1/public/notifications/" + id + "/preferences?code=WRONGCODEWRONGCD")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("sms", false))
			.retrieve()
			.toEntity(JsonNode.class);
		ResponseEntity<JsonNode> chosen = applicant.put()
			.uri("/api/v1/public/notifications/" + id + "/preferences?code=" + CODE)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("sms", false))
			.retrieve()
			.toEntity(JsonNode.class);
		PublishedRecords.send(this.bootstrapServers, Topics.STATUS_UPDATED, id, bytes(disposed(id)));

		assertThat(wrong.getStatusCode().value()).isEqualTo(404);
		assertThat(chosen.getBody().get("sms").asBoolean()).isFalse();
		assertThat(chosen.getBody().get("email").asBoolean()).isTrue();
		await().atMost(Duration.ofSeconds(30)).until(() -> mailTo("pref." + id + "@example.in").size() == 2);
		assertThat(smsFor(id)).as("only the receipt, before the opt-out").hasSize(1);
		applicant.put()
			.uri("/api/v1/public/notifications/" + id + "/preferences?code=" + CODE)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("sms", true))
			.retrieve()
			.toBodilessEntity();
	}

	@Test
	void anOptOutOnAnItemMadeWithSomeoneElsesMobileSilencesOnlyThatItem() {
		// both items carry the same mobile: the applicant's own, and one a stranger made
		// with it (nobody verifies a mobile given with an item)
		String applicants = newId("V");
		String strangers = newId("S");
		PublishedRecords.send(this.bootstrapServers, Topics.COMPLAINT_RECEIVED, applicants,
				bytes(received(applicants, "v." + applicants + "@example.in", "hi")));
		PublishedRecords.send(this.bootstrapServers, Topics.COMPLAINT_RECEIVED, strangers,
				bytes(received(strangers, "s." + strangers + "@example.in", "hi")));
		awaitSms(applicants, 1);
		awaitSms(strangers, 1);

		ResponseEntity<JsonNode> silenced = Http.local(this.port)
			.put()
			.uri("/api/v1/public/notifications/" + strangers + "/preferences?code=" + CODE)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("sms", false))
			.retrieve()
			.toEntity(JsonNode.class);
		PublishedRecords.send(this.bootstrapServers, Topics.STATUS_UPDATED, applicants, bytes(disposed(applicants)));
		PublishedRecords.send(this.bootstrapServers, Topics.STATUS_UPDATED, strangers, bytes(disposed(strangers)));

		assertThat(silenced.getBody().get("sms").asBoolean()).isFalse();
		assertThat(awaitSms(applicants, 2)).as("the applicant's own item still tells them by SMS").hasSize(2);
		await().atMost(Duration.ofSeconds(30)).until(() -> mailTo("s." + strangers + "@example.in").size() == 2);
		assertThat(smsFor(strangers)).as("the silenced item: only its receipt by SMS").hasSize(1);

		// a one-time code asked for on the silenced item still goes, and only it
		String issued = oneTimeCodeIssued(strangers, "271828");
		PublishedRecords.send(this.bootstrapServers, Topics.ONE_TIME_CODE_ISSUED, strangers, bytes(issued));
		assertThat(awaitSms(strangers, 2)).extracting(LoggedRequest::getBodyAsString)
			.anyMatch((text) -> text.contains("271828"));
	}

	@Test
	void nobodyIsFloodedWithCodesThroughItemsMadeWithTheirNumber() {
		String mobile = "98" + String.valueOf(System.nanoTime()).substring(0, 8).replaceAll("^.", "1");
		List<String> items = new java.util.ArrayList<>();
		for (int i = 0; i < OneTimeCodeBudget.PER_CONTACT_A_DAY + 2; i++) {
			String id = newId("F");
			items.add(id);
			PublishedRecords.send(this.bootstrapServers, Topics.COMPLAINT_RECEIVED, id,
					bytes(received(id, "f." + id + "@example.in", "hi").replace("9876543210", mobile)));
		}
		for (String id : items) {
			awaitSms(id, 1);
			String issued = oneTimeCodeIssued(id, "161803");
			PublishedRecords.send(this.bootstrapServers, Topics.ONE_TIME_CODE_ISSUED, id, bytes(issued));
		}

		java.util.function.Supplier<Long> codesSent = () -> items.stream()
			.filter((id) -> smsFor(id).stream().anyMatch((sms) -> sms.getBodyAsString().contains("161803")))
			.count();
		await().atMost(Duration.ofSeconds(30)).until(() -> codesSent.get() == OneTimeCodeBudget.PER_CONTACT_A_DAY);
		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(5))
			.until(() -> codesSent.get() == OneTimeCodeBudget.PER_CONTACT_A_DAY);
	}

	@Test
	void withoutAConfiguredCallbackTokenOneIsMadeAtTheFirstStartAndEveryInstanceKeepsIt() {
		this.mongo.remove(new org.springframework.data.mongodb.core.query.Query(), CallbackToken.Generated.class);
		CallbackToken first = new CallbackToken(this.mongo, "");
		CallbackToken second = new CallbackToken(this.mongo, (String) null);

		boolean anything = first.matches("");
		String made = this.mongo.findById("sms-callback-token", CallbackToken.Generated.class).value();

		assertThat(anything).isFalse();
		assertThat(made).hasSizeGreaterThanOrEqualTo(32);
		assertThat(first.matches(made)).isTrue();
		assertThat(second.matches(made)).as("another instance, or a restart").isTrue();
		assertThat(second.matches("change-me-callback-token")).isFalse();
		assertThat(new CallbackToken(this.mongo, "the-office-own").matches(made)).as("a configured one wins").isFalse();
	}

	@Test
	void anOfficersDigestGathersTheDaysLinesIntoOneMail() throws Exception {
		String officer = "digest." + UUID.randomUUID().toString().substring(0, 6) + "@dak.local";
		this.digest.add("l1-" + officer, officer, "जिला आपूर्ति कार्यालय", "चिह्नित / marked: NAL-2026-000001-Q");
		this.digest.add("l2-" + officer, officer, "जिला आपूर्ति कार्यालय", "निकट / due soon: NAL-2026-000002-P");
		this.digest.add("l2-" + officer, officer, "जिला आपूर्ति कार्यालय", "निकट / due soon: NAL-2026-000002-P");

		this.digest.send(java.time.LocalDate.of(2026, 12, 1));
		this.digest.send(java.time.LocalDate.of(2026, 12, 1));

		MimeMessage mailed = awaitMail(officer).get(0);
		assertThat(mailed.getSubject()).isEqualTo("दैनिक सारांश 2026-12-01: जिला आपूर्ति कार्यालय");
		assertThat(part(mailed, "text/plain")).contains("• चिह्नित / marked: NAL-2026-000001-Q",
				"• निकट / due soon: NAL-2026-000002-P");
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> mailTo(officer).size() == 1);
	}

	@Test
	void twoInstancesAtTheDigestHourSendOneDigest(@Autowired NotificationProperties properties) throws Exception {
		OfficerDigest second = new OfficerDigest(this.mongo, this.queue, properties);
		String officer = "digest2." + UUID.randomUUID().toString().substring(0, 6) + "@dak.local";
		this.digest.add("l1-" + officer, officer, "जिला आपूर्ति कार्यालय", "चिह्नित / marked: NAL-2026-000003-Q");
		java.time.LocalDate day = java.time.LocalDate.of(2026, 12, 2);

		ExecutorService instances = Executors.newFixedThreadPool(2);
		List<Future<Boolean>> rounds = instances
			.invokeAll(List.<Callable<Boolean>>of(() -> this.digest.sendOnce(day), () -> second.sendOnce(day)));
		instances.shutdown();

		assertThat(rounds.stream().filter((round) -> {
			try {
				return round.get();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		})).as("instances that sent the day's digests").hasSize(1);
		awaitMail(officer);
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> mailTo(officer).size() == 1);
	}

	@Test
	void aMessageStillFailingWhenItsRetryWindowClosesIsATechnicalFailureAndGoesByEmail() {
		String id = newId("H");
		PublishedRecords.send(this.bootstrapServers, Topics.COMPLAINT_RECEIVED, id,
				bytes(received(id, "late." + id + "@example.in", "hi")));
		await().atMost(Duration.ofSeconds(30)).until(() -> "sent".equals(status(id, "EMAIL")));
		smsProvider.stubFor(post(urlEqualTo("/api/sms")).atPriority(1)
			.withRequestBody(matchingJsonPath("$.message", containing(id)))
			.willReturn(aResponse().withStatus(503)));
		// a status message queued 25 hours ago, its provider down ever since
		Instant longAgo = Instant.now().minus(Duration.ofHours(25));
		this.mongo.insert(new Notification("old-" + id + ":SMS:APPLICANT", id, "SMS", "APPLICANT", "status-in-progress",
				"hi", "9876543210", "XXXXXX3210",
				Map.of("name", "सुनीता देवी", "receiptNumber", id, "trackingUrl", "http://t", "office", "समाहरणालय"),
				"temporary-failure", "503", 40, Instant.now(), null, null, longAgo, longAgo, List.of()));
		// stored by a version before the senders' queue: the first start queues it
		this.maintenance.undo(NotificationQueue.FILLED);
		this.queue.recoverOnce();

		await().atMost(Duration.ofSeconds(30))
			.until(() -> "technical-failure"
				.equals(this.queue.find("old-" + id + ":SMS:APPLICANT").map(Notification::status).orElse(null)));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> mailTo("late." + id + "@example.in").stream()
				.anyMatch((m) -> subjectOf(m).contains("कार्यवाही प्रारंभ")));
	}

	@Test
	void aMessageHeldBySenderThatDiedIsTakenUpAgainAfterARestart() {
		String id = newId("J");
		PublishedRecords.send(this.bootstrapServers, Topics.COMPLAINT_RECEIVED, id,
				bytes(received(id, "crash." + id + "@example.in", "hi")));
		awaitSms(id, 1);
		Instant before = Instant.now().minus(Duration.ofMinutes(10));
		this.mongo.insert(new Notification("crashed-" + id + ":SMS:APPLICANT", id, "SMS", "APPLICANT",
				"status-in-progress", "hi", "9876543210", "XXXXXX3210",
				Map.of("name", "सुनीता देवी", "receiptNumber", id, "trackingUrl", "http://t", "office", "समाहरणालय"),
				"sending", null, 1, before, before.plus(Duration.ofMinutes(2)), null, before, before, List.of()));
		// its entry in the senders' queue, claimed until two minutes after the send began
		this.mongo.getCollection(NotificationQueue.QUEUE)
			.insertOne(new org.bson.Document("_id", "crashed-" + id + ":SMS:APPLICANT").append("channel", "SMS")
				.append("dueAt", java.util.Date.from(before.plus(Duration.ofMinutes(2)))));
		// a restart reads no message: the claim has run out, a sender takes it up

		await().atMost(Duration.ofSeconds(30))
			.until(() -> "sent"
				.equals(this.queue.find("crashed-" + id + ":SMS:APPLICANT").map(Notification::status).orElse(null)));
		assertThat(smsFor(id)).extracting(LoggedRequest::getBodyAsString)
			.anyMatch((body) -> body.contains("crashed-" + id + ":SMS:APPLICANT"));
	}

	@Test
	void aMessageWhoseQueueEntryACrashLostIsQueuedWhenItsEventComesAgain() {
		String id = newId("K");
		// the service stored the receipt's SMS and died before its entry in the queue
		Instant at = Instant.now();
		this.mongo.insert(new Notification("evt-" + id + ":SMS:APPLICANT", id, "SMS", "APPLICANT", "received", "hi",
				"9876543210", "XXXXXX3210", Map.of("name", "सुनीता देवी", "receiptNumber", id, "subject", "जल निकासी",
						"trackingUrl", "http://t", "office", "समाहरणालय"),
				Notification.CREATED, null, 0, at, null, null, at, at, List.of()));
		// the event was not recorded as handled, so it comes again
		PublishedRecords.send(this.bootstrapServers, Topics.COMPLAINT_RECEIVED, id,
				bytes(received(id, "again." + id + "@example.in", "hi")));

		await().atMost(Duration.ofSeconds(30))
			.until(() -> "sent"
				.equals(this.queue.find("evt-" + id + ":SMS:APPLICANT").map(Notification::status).orElse(null)));
	}

	@Test
	void aRestartReadsNoMessage() {
		this.queue.recoverOnce();
		this.reads.clear();

		this.queue.recoverOnce();

		assertThat(this.reads.on("notifications")).isEmpty();
	}

	@Test
	void theSendersReadOnlyTheMessagesStillToSend() {
		for (int i = 0; i < 20; i++) {
			String sent = newId("S" + i);
			PublishedRecords.send(this.bootstrapServers, Topics.COMPLAINT_RECEIVED, sent,
					bytes(received(sent, "s." + sent + "@example.in", "hi")));
			awaitSms(sent, 1);
		}
		// everything sent and announced
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.mongo.getCollection(NotificationQueue.QUEUE).countDocuments() == 0
					&& this.mongo.getCollection(Outbox.PENDING_COLLECTION).countDocuments() == 0);
		this.reads.clear();
		// the senders look a few times (every 100 ms here) with nothing to do
		await().atMost(Duration.ofSeconds(10)).until(() -> this.reads.on(NotificationQueue.QUEUE).size() >= 10);
		assertThat(this.reads.on("notifications")).as("idle senders read no message").isEmpty();

		String id = newId("T");
		PublishedRecords.send(this.bootstrapServers, Topics.COMPLAINT_RECEIVED, id,
				bytes(received(id, "t." + id + "@example.in", "hi")));
		awaitSms(id, 1);
		awaitMail("t." + id + "@example.in");

		assertThat(this.reads.on("notifications")).as("sending reads and writes its messages").isNotEmpty();
		assertThat(this.reads.scansOf(this.mongo, "notifications")).as("nothing reads the whole log").isEmpty();
		assertThat(this.reads.scansOf(this.mongo, "processed_events")).as("an event's check reads no other").isEmpty();
		assertThat(this.reads.scansOf(this.mongo, "contacts")).isEmpty();
	}

	@Test
	void theOfficeIsRemindedBeforeTheDeadlineAndTheDmIsAlertedAfterIt() throws Exception {
		String id = newId("K");
		String officer = "reminded." + id.toLowerCase() + "@dak.local";
		PublishedRecords.send(this.bootstrapServers, Topics.COMPLAINT_RECEIVED, id,
				bytes(received(id, "k." + id + "@example.in", "hi")));
		PublishedRecords.send(this.bootstrapServers, Topics.COMPLAINT_ROUTED, id, bytes(routedTo(id, officer)));
		PublishedRecords.send(this.bootstrapServers, Topics.STATUS_UPDATED, id, bytes(tracking(id, "MARKED", null)));
		awaitMail(officer);

		PublishedRecords.send(this.bootstrapServers, Topics.DEADLINE_NEARED, id,
				bytes(GoldenSamples.json(Topic.DEADLINE_NEARED)
					.replace("NAL-2026-000123-C", id)
					.replace("9e8d7c6b-5a49-4382-9170-6f5e4d3c2b1a", UUID.randomUUID().toString())));
		PublishedRecords.send(this.bootstrapServers, Topics.DEADLINE_BREACHED, id,
				bytes(GoldenSamples.json(Topic.DEADLINE_BREACHED)
					.replace("NAL-2026-000123-C", id)
					.replace("1a2b3c4d-5e6f-4708-9a1b-2c3d4e5f6a7b", UUID.randomUUID().toString())));

		await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(officer).size() == 2);
		assertThat(part(mailTo(officer).get(1), "text/plain")).contains("80%", "2027-02-24", id);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> mailTo("dm.nalanda@dak.local").stream().anyMatch((m) -> subjectOf(m).contains(id)));
	}

	@Test
	void theLogStillShowsMessagesAnEarlierVersionStored() {
		String id = newId("L");
		this.mongo.getCollection("notifications")
			.insertOne(new org.bson.Document("_id", "v1-" + id + ":SMS:APPLICANT").append("complaintId", id)
				.append("channel", "SMS")
				.append("audience", "APPLICANT")
				.append("template", "receipt")
				.append("recipient", "XXXXXX3210")
				.append("status", "SENT")
				.append("createdAt", java.util.Date.from(Instant.now()))
				.append("updatedAt", java.util.Date.from(Instant.now())));
		// the first start after the upgrade, whose version brought the lists by item
		this.mongo.dropCollection("notification_ids");
		this.maintenance.undo(NotificationQueue.FILLED);
		this.queue.recoverOnce();

		assertThat(log(id)).singleElement().satisfies((n) -> {
			assertThat(n.get("status").asString()).isEqualTo("sent");
			assertThat(n.get("recipient").asString()).isEqualTo("XXXXXX3210");
		});
	}

	private static String subjectOf(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (jakarta.mail.MessagingException ex) {
			return "";
		}
	}

	private ResponseEntity<JsonNode> receipt(String token, String reference, String status) {
		return Http.local(this.port).post().uri("/api/v1/notifications/delivery-receipts").headers((headers) -> {
			if (token != null) {
				headers.set("X-Dak-Callback-Token", token);
			}
		})
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("reference", reference, "status", status))
			.retrieve()
			.toEntity(JsonNode.class);
	}

	private String status(String id, String channel) {
		return log(id).stream()
			.filter((n) -> channel.equals(n.get("channel").asString()) && !n.has("fallbackFor"))
			.map((n) -> n.get("status").asString())
			.findFirst()
			.orElse(null);
	}

	/** Requests for this item the provider answered 202. */
	private static long accepted(String id) {
		return smsProvider.getAllServeEvents()
			.stream()
			.filter((e) -> e.getRequest().getBodyAsString().contains(id) && e.getResponse().getStatus() == 202)
			.count();
	}

	private static String newId(String suffix) {
		return "NAL-2026-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase() + "-" + suffix;
	}

	private static String disposed(String id) {
		return GoldenSamples.json(Topic.STATUS_UPDATED)
			.replace("NAL-2026-000123-C", id)
			.replace("c2d3e4f5-a6b7-4c8d-9e0f-1a2b3c4d5e6f", UUID.randomUUID().toString());
	}

	private static String part(MimeMessage message, String type) throws Exception {
		Object content = message.getContent();
		return find(content, type);
	}

	private static String find(Object content, String type) throws Exception {
		if (content instanceof jakarta.mail.Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				jakarta.mail.BodyPart part = multipart.getBodyPart(i);
				if (part.isMimeType(type)) {
					return part.getContent().toString();
				}
				String inner = find(part.getContent(), type);
				if (inner != null) {
					return inner;
				}
			}
		}
		return null;
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
			.replaceFirst("\"sealedAccessCode\": \"[^\"]+\"", "\"sealedAccessCode\": \"" + sealed(CODE) + "\"")
			.replace("NAL-2026-000123-C", id)
			.replace("0b9d5c8e-6f1a-4f43-9a57-1d6f0f3f2a10", "evt-" + id)
			.replace("sunita@example.in", email)
			.replace("5d3f0e5b2c1a4f7e9b8d6c5a4f3e2d1c0b9a8f7e6d5c4b3a2918f7e6d5c4b3a2", AccessCodes.hash(CODE))
			.replace("\"preferredLanguage\": \"hi\"", "\"preferredLanguage\": \"" + language + "\"");
	}

	@Test
	void aMarkingTrackingRefusedIsToldToNobody() throws Exception {
		String id = newId("R");
		String officer = "refused." + id.toLowerCase() + "@dak.local";
		PublishedRecords.send(this.bootstrapServers, Topics.COMPLAINT_RECEIVED, id,
				bytes(received(id, "r." + id + "@example.in", "hi")));
		awaitSms(id, 1);

		PublishedRecords.send(this.bootstrapServers, Topics.COMPLAINT_ROUTED, id, bytes(routedTo(id, officer)));
		PublishedRecords.send(this.bootstrapServers, Topics.STATUS_UPDATED, id,
				bytes(tracking(id, "DISPOSED", "MARKING_REFUSED")));
		// a later, applied marking to another office shows the refused one is settled
		String other = "applied." + id.toLowerCase() + "@dak.local";
		PublishedRecords.send(this.bootstrapServers, Topics.COMPLAINT_ROUTED, id,
				bytes(routedTo(id, other).replace("\"markingSequence\": 2", "\"markingSequence\": 3")));
		PublishedRecords.send(this.bootstrapServers, Topics.STATUS_UPDATED, id,
				bytes(tracking(id, "MARKED", null).replace("\"markingSequence\": 2", "\"markingSequence\": 3")));

		awaitMail(other);
		assertThat(mailTo(officer)).isEmpty();
		// the receipt and the one marking that took effect
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> smsFor(id).size() == 2);
	}

	/** Tracking's word on the item's marking number 2: a status, with a step or none. */
	private static String tracking(String id, String status, String step) {
		return GoldenSamples.json(Topic.STATUS_UPDATED)
			.replace("NAL-2026-000123-C", id)
			.replace("c2d3e4f5-a6b7-4c8d-9e0f-1a2b3c4d5e6f", UUID.randomUUID().toString())
			.replace("\"status\": \"DISPOSED\"", "\"status\": \"" + status + "\"")
			.replace("\"step\": null", "\"step\": " + ((step != null) ? "\"" + step + "\"" : "null"));
	}

	/**
	 * The item marked to an office whose head has that e-mail, as routing announces it.
	 */
	private static String routedTo(String id, String officerEmail) {
		return GoldenSamples.json(Topic.COMPLAINT_ROUTED)
			.replace("NAL-2026-000123-C", id)
			.replace("6a1c7f3e-2b4d-4e8f-8a9b-0c1d2e3f4a5b", UUID.randomUUID().toString())
			.replace("dso.nalanda@dak.local", officerEmail);
	}

	/** Sealed as intake and tracking seal: with this service's public key. */
	private static String sealed(String secret) {
		return org.dak.platform.SealedBox.seal(secret,
				org.dak.platform.Tokens.publicKey("classpath:dak-test-seal-public.pem"));
	}

	@Test
	void eventsThatOvertakeTheReceiptWaitForItAndTheirMessagesGoOutOnce() throws Exception {
		String id = newId("W");
		String officer = "officer." + id.toLowerCase() + "@dak.local";
		String routed = routedTo(id, officer);
		String disposed = disposed(id);

		PublishedRecords.send(this.bootstrapServers, Topics.STATUS_UPDATED, id, bytes(tracking(id, "MARKED", null)));
		PublishedRecords.send(this.bootstrapServers, Topics.COMPLAINT_ROUTED, id, bytes(routed));
		PublishedRecords.send(this.bootstrapServers, Topics.STATUS_UPDATED, id, bytes(disposed));
		// the marking (confirmed by tracking before it even arrived), tracking's word on
		// it
		// and the disposal
		await().atMost(Duration.ofSeconds(30)).until(() -> waiting(id) == 3);
		assertThat(smsFor(id)).as("nothing can be sent before the receipt").isEmpty();
		PublishedRecords.send(this.bootstrapServers, Topics.COMPLAINT_RECEIVED, id,
				bytes(received(id, "early." + id + "@example.in", "hi")));

		assertThat(awaitMail(officer)).hasSize(1);
		awaitSms(id, 3);
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> smsFor(id).size() == 3);
		assertThat(smsFor(id)).extracting(LoggedRequest::getBodyAsString)
			.anyMatch((text) -> text.contains("आपका आवेदन प्राप्त हुआ"))
			.anyMatch((text) -> text.contains("जिला आपूर्ति कार्यालय"))
			.anyMatch((text) -> text.contains("निष्पादन"));
		assertThat(waiting(id)).isZero();
		assertThat(part(awaitMail("early." + id + "@example.in").get(0), "text/plain"))
			.as("the link opens the item: the sealed access code was opened here")
			.contains("/track/" + id + "?code=" + CODE);
	}

	@Test
	void theOneTimeCodeGoesToTheRegisteredMobileAndTravelsSealed() {
		String id = newId("O");
		PublishedRecords.send(this.bootstrapServers, Topics.COMPLAINT_RECEIVED, id,
				bytes(received(id, "otp." + id + "@example.in", "hi")));
		awaitSms(id, 1);
		String issued = oneTimeCodeIssued(id, "481516");

		PublishedRecords.send(this.bootstrapServers, Topics.ONE_TIME_CODE_ISSUED, id, bytes(issued));

		assertThat(awaitSms(id, 2)).extracting(LoggedRequest::getBodyAsString)
			.anyMatch((text) -> text.contains("एक बार का कोड 481516") && text.contains("10 मिनट"));
		assertThat(issued).doesNotContain("481516");
	}

	/** A one-time code issued for an item, sealed as tracking seals it. */
	private static String oneTimeCodeIssued(String id, String code) {
		return GoldenSamples.json(Topic.ONE_TIME_CODE_ISSUED)
			.replace("NAL-2026-000123-C", id)
			.replace("4c5d6e7f-8a9b-4c0d-9e1f-2a3b4c5d6e7f", UUID.randomUUID().toString())
			.replaceFirst("\"sealedCode\": \"[^\"]+\"", "\"sealedCode\": \"" + sealed(code) + "\"");
	}

	private long waiting(String id) {
		return this.mongo.getCollection(EarlyEvents.COLLECTION)
			.countDocuments(new org.bson.Document("complaintId", id));
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
