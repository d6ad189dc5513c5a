package org.dak.systemtest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.dak.contracts.Topic;
import org.dak.testsupport.Http;
import org.dak.testsupport.PublishedRecords;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The no-loss promise under faults, the short form that runs in CI: a steady stream of
 * items through the gateway on the web, desk (with a scan), fax and social channels, some
 * of them marked by the DM, while the broker, each consumer, intake and the MongoDB
 * server are killed with {@code kill -9} and started again, the database is frozen for 20
 * s, the SMS provider fails for 20 s and a poison record lands on every topic. After each
 * fault it waits for quiet and reports how long recovery took; at the end it counts, item
 * by item: lost 0, doubled 0, every message sent once, every caller answered. The figures
 * are printed and written to {@code target/reliability/faults.md}.
 */
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(FaultSuiteIT.LANE)
class FaultSuiteIT {

	/**
	 * The fault suites' lane: they run one after the other (they share the callers and
	 * the system under faults), beside the tests of the shared system
	 * ({@code junit-platform.properties}).
	 */
	static final String LANE = "fault suites";

	static final String RECEIPT_SMS = "आपका आवेदन प्राप्त हुआ";

	static final String MARKED_SMS = "कार्यवाही हेतु";

	static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	/** How long the database stays frozen ({@code -Ddak.faults.database-pause=PT20S}). */
	static final Duration DATABASE_PAUSE = Duration.parse(System.getProperty("dak.faults.database-pause", "PT20S"));

	/**
	 * How long the SMS provider fails, and then times out
	 * ({@code -Ddak.faults.sms-outage=PT2M} for the full form).
	 */
	static final Duration SMS_OUTAGE = Duration.parse(System.getProperty("dak.faults.sms-outage", "PT20S"));

	/**
	 * How long the SMS provider then answers too late
	 * ({@code -Ddak.faults.sms-timeout=PT1M} for the full form).
	 */
	static final Duration SMS_TIMEOUT = Duration.parse(System.getProperty("dak.faults.sms-timeout", "PT20S"));

	static SystemUnderFaults system;

	static RestClient web;

	static RestClient desk;

	static RestClient dm;

	static String dmToken;

	static RestClient fax;

	static RestClient social;

	static RestClient officer;

	@BeforeAll
	static void theSystemAndItsCallers() {
		// its own system, whose broker and services are no other test's to lose; or the
		// local stack, with -Ddak.faults.against=local
		callersOf("local".equals(System.getProperty("dak.faults.against")) ? AttachedLocalStack.fromEnvironment()
				: RunningSystem.isolated());
	}

	/**
	 * The system the faults are done to, and its callers through the gateway (the
	 * cluster's suite, {@link ClusterFaultsIT}, runs the same load against its own).
	 */
	static void callersOf(SystemUnderFaults faulty) {
		system = faulty;
		Gateway through = new Gateway(system.gatewayUrl(), system.adminPassword());
		web = patient(through.anonymous());
		desk = patient(through.as(through.account("desk.faults", "RECEIPT_DESK", Map.of())));
		dmToken = through.account("dm.faults", "DM", Map.of());
		dm = patient(through.as(dmToken));
		fax = patient(through.withKey(through.adapterKey("fault fax", "FAX").get("key").asString()));
		social = patient(through.withKey(through.adapterKey("fault social", "SOCIAL_MEDIA").get("key").asString()));
		officer = patient(
				through.as(through.account("supply.faults", "DEPARTMENT_OFFICER", Map.of("department", "SUPPLY"))));
	}

	/**
	 * A caller that counts one getting no answer within 15 s as left hanging; with two
	 * gateways, behind a balancer in front of them.
	 */
	private static RestClient patient(RestClient caller) {
		JdkClientHttpRequestFactory patient = new JdkClientHttpRequestFactory();
		patient.setReadTimeout(Duration.ofSeconds(15));
		RestClient.Builder builder = caller.mutate().requestFactory(patient);
		if (system.gatewayUrls().size() > 1) {
			builder.requestInterceptor(new FrontBalancer(system.gatewayUrls()));
		}
		return builder.build();
	}

	@AfterAll
	static void stopTheSystem() {
		if (system != null) {
			system.close();
		}
	}

	@Test
	void nothingIsLostOrDoubledWhileTheBrokerTheServicesAndTheDatabaseFail() {
		Baseline before = Baseline.now();
		Load load = new Load();
		List<String> report = new ArrayList<>();
		load.start();
		try {
			awaitAcknowledged(load, 10);
			report.add(fault("Kafka broker kill -9, started again by " + system.restartedBy(), before, load, () -> {
				system.killBroker();
				system.restartBroker(Duration.ofSeconds(5));
				return "";
			}));
			for (String consumer : List.of("routing-service", "tracking-service", "notification-service")) {
				report.add(fault(consumer + " kill -9 mid-stream, started again", before, load, () -> {
					system.kill(consumer);
					system.restart(consumer);
					return "";
				}));
			}
			report.add(fault("intake-service kill -9 between accepting and publishing, started again", before, load,
					() -> killIntakeWithEventsInItsOutbox(load)));
			report.add(fault("MongoDB server paused (SIGSTOP) " + DATABASE_PAUSE.toSeconds() + " s, then resumed",
					before, load, () -> {
						system.pauseDatabase();
						try {
							pause(DATABASE_PAUSE);
						}
						finally {
							system.resumeDatabase();
						}
						return "";
					}));
			report.add(fault("MongoDB server kill -9 under load, started again by " + system.restartedBy(), before,
					load, () -> {
						int acknowledged = load.acknowledged().size();
						system.killDatabase();
						system.restartDatabase(Duration.ofSeconds(5));
						// items acknowledged after the restart too: the counter goes on
						// above every number given out before the kill
						awaitAcknowledged(load, load.acknowledged().size() + 5);
						return " (" + acknowledged + " items acknowledged before the kill)";
					}));
			report.add(fault("SMS provider answers 503 for " + SMS_OUTAGE.toSeconds() + " s", before, load, () -> {
				system.smsProviderAnswers(503);
				pause(SMS_OUTAGE);
				system.smsProviderWorks();
				return "";
			}));
			report.add(fault("SMS provider times out (answers after 15 s) for " + SMS_TIMEOUT.toSeconds() + " s",
					before, load, () -> {
						system.smsProviderAnswersAfter(Duration.ofSeconds(15));
						pause(SMS_TIMEOUT);
						system.smsProviderWorks();
						return "";
					}));
			report.add(fault("a poison record on every topic", before, load, () -> {
				poisonEveryTopic();
				return "";
			}));
		}
		finally {
			load.stop();
		}
		long quiet = awaitQuiet(before, load, Duration.ofMinutes(4));
		// every item is in the inbox now: the e-mailed ones are found once
		List<String> lost = new ArrayList<>();
		List<String> doubled = new ArrayList<>();
		List<Item> items = items(load, lost, doubled);
		// messages held back by the provider's outage go out on their later tries
		await().atMost(Duration.ofMinutes(3))
			.pollInterval(Duration.ofSeconds(2))
			.until(() -> messagesMissing(items, load) == 0);

		Counts counts = count(items, load, lost, doubled);
		report.add("| all items after the last fault | " + quiet + " ms |");
		write("faults.md", "| fault | lasted | quiet again after | callers answered 503 |\n|---|---|---|---|\n", report,
				load, counts);
		assertThat(load.unexpected()).as("answers other than a receipt or a 503 to retry").isEmpty();
		assertThat(load.unanswered()).as("callers left hanging").isZero();
		assertThat(load.cutOff()).as("answers cut off").isZero();
		assertThat(counts.lost()).as("acknowledged items missing somewhere").isEmpty();
		assertThat(counts.doubled()).as("items stored or told twice").isEmpty();
		assertThat(counts.wrongStatus()).as("marked or worked items not so in tracking").isEmpty();
		assertThat(load.acknowledged()).hasSizeGreaterThan(50);
		assertThat(load.mailed()).hasSizeGreaterThan(10);
		assertThat(load.worked()).hasSizeGreaterThan(5);
		assertThat(unpublishedWhenIntakeWasKilled).as("items intake had accepted but not yet published when killed")
			.isPositive();
	}

	/** How many accepted items were still only in intake's outbox when it was killed. */
	static int unpublishedWhenIntakeWasKilled;

	/**
	 * Freezes the broker so that intake accepts items it cannot publish, kills intake
	 * while their events wait in its outbox, lets the broker run on and starts intake
	 * again: the events must be published after the restart.
	 */
	private static String killIntakeWithEventsInItsOutbox(Load load) {
		int from = load.acknowledged().size();
		List<Item> accepted;
		system.pauseBroker();
		try {
			await().atMost(Duration.ofMinutes(1)).until(() -> load.acknowledged().size() >= from + 6);
			accepted = List.copyOf(load.acknowledged().subList(from, load.acknowledged().size()));
			system.kill("intake-service");
		}
		finally {
			system.resumeBroker();
		}
		RestClient routing = direct("routing-service");
		int unpublished = (int) accepted.stream()
			.filter((item) -> routing.get()
				.uri("/api/v1/inbox/" + item.id())
				.retrieve()
				.toBodilessEntity()
				.getStatusCode()
				.value() == 404)
			.count();
		unpublishedWhenIntakeWasKilled += unpublished;
		system.restart("intake-service");
		return " (" + unpublished + " of " + accepted.size() + " items it accepted were not published yet)";
	}

	/**
	 * Runs a fault while the load goes on, then waits for quiet: its row of the report.
	 */
	static String fault(String name, Baseline before, Load load, Fault fault) {
		int answered503 = load.serviceUnavailable.get();
		long start = System.nanoTime();
		String detail = fault.run();
		long restored = System.nanoTime();
		long quiet = awaitQuiet(before, load, Duration.ofMinutes(3));
		String row = "| %s%s | %d ms | %d ms | %d |".formatted(name, detail,
				Duration.ofNanos(restored - start).toMillis(), quiet, load.serviceUnavailable.get() - answered503);
		System.out.println("Fault: " + row);
		return row;
	}

	/** One fault: does it and says what there is to say about it beyond its name. */
	interface Fault {

		String run();

	}

	/**
	 * Waits until every item acknowledged (or e-mailed) so far is in the DM's inbox and
	 * in tracking.
	 * @return how long that took
	 */
	static long awaitQuiet(Baseline before, Load load, Duration atMost) {
		long start = System.nanoTime();
		int acknowledged = load.acknowledged().size() + load.mailed().size();
		try {
			await().atMost(atMost)
				.pollInterval(Duration.ofSeconds(1))
				.ignoreExceptions()
				.until(() -> inboxTotal() >= before.inbox() + acknowledged
						&& trackingTotal() >= before.tracking() + acknowledged);
		}
		catch (org.awaitility.core.ConditionTimeoutException ex) {
			system.dumpThreads();
			List<String> lost = new ArrayList<>();
			List<String> doubled = new ArrayList<>();
			RestClient routing = direct("routing-service");
			RestClient tracking = direct("tracking-service");
			for (Item item : items(load, lost, doubled)) {
				int inbox = routing.get()
					.uri("/api/v1/inbox/" + item.id())
					.retrieve()
					.toBodilessEntity()
					.getStatusCode()
					.value();
				int tracked = tracking.get()
					.uri("/api/v1/cases/" + item.id())
					.retrieve()
					.toBodilessEntity()
					.getStatusCode()
					.value();
				if (inbox != 200 || tracked != 200) {
					lost.add(item + " inbox " + inbox + " tracking " + tracked);
				}
			}
			throw new AssertionError("Not quiet within " + atMost + ": inbox " + inboxTotal() + " of "
					+ (before.inbox() + acknowledged) + ", tracking " + trackingTotal() + " of "
					+ (before.tracking() + acknowledged) + "; missing " + lost + "; doubled " + doubled, ex);
		}
		return Duration.ofNanos(System.nanoTime() - start).toMillis();
	}

	static void awaitAcknowledged(Load load, int items) {
		await().atMost(Duration.ofMinutes(2)).until(() -> load.acknowledged().size() >= items);
	}

	private static void poisonEveryTopic() {
		String bootstrap = system.kafkaBootstrapServers();
		for (Topic topic : Topic.values()) {
			String key = "POISON-" + topic.topicName() + "-" + UUID.randomUUID();
			PublishedRecords.send(bootstrap, topic.topicName(), key,
					"{\"this is\": not an event".getBytes(StandardCharsets.UTF_8));
			PublishedRecords.await(bootstrap, topic.deadLetterTopicName(), (record) -> key.equals(record.key()),
					Duration.ofSeconds(60));
		}
	}

	/** What each item is counted against at the end. */
	record Counts(List<String> lost, List<String> doubled, List<String> wrongStatus) {
	}

	static Counts count(List<Item> items, Load load, List<String> lost, List<String> doubled) {
		List<String> wrongStatus = new ArrayList<>();
		// a receipt number handed to two callers: the counter went back
		load.acknowledged()
			.stream()
			.collect(Collectors.groupingBy(Item::id, Collectors.counting()))
			.forEach((number, times) -> {
				if (times > 1) {
					doubled.add("receipt number " + number + " given to " + times + " callers");
				}
			});
		List<String> sms = system.smsTaken();
		List<List<String>> mails = system.mailRecipients();
		RestClient routing = direct("routing-service");
		RestClient tracking = direct("tracking-service");
		for (Item item : items) {
			ResponseEntity<JsonNode> inbox = routing.get()
				.uri("/api/v1/inbox/" + item.id())
				.retrieve()
				.toEntity(JsonNode.class);
			ResponseEntity<JsonNode> tracked = tracking.get()
				.uri("/api/v1/cases/" + item.id())
				.retrieve()
				.toEntity(JsonNode.class);
			if (inbox.getStatusCode().value() != 200 || tracked.getStatusCode().value() != 200) {
				lost.add(item.id() + " (inbox " + inbox.getStatusCode().value() + ", tracking "
						+ tracked.getStatusCode().value() + ")");
				continue;
			}
			List<JsonNode> sameSubject = inboxSearch(item.subject());
			if (sameSubject.size() != 1) {
				doubled.add(item.id() + " stored " + sameSubject.size() + " times");
			}
			if (load.marked().contains(item.id())
					&& !"SUPPLY".equals(tracked.getBody().path("departmentCode").asString())) {
				wrongStatus.add(item.id() + " is " + tracked.getBody().path("status").asString());
			}
			if (load.worked().contains(item.id())
					&& !"IN_PROGRESS".equals(tracked.getBody().path("status").asString())) {
				wrongStatus.add(item.id() + " worked on, but is " + tracked.getBody().path("status").asString());
			}
			if (item.mobile()) {
				countOnce(sms, item, RECEIPT_SMS, "receipt SMS", lost, doubled);
				if (load.marked().contains(item.id())) {
					countOnce(sms, item, MARKED_SMS, "marking SMS", lost, doubled);
				}
			}
			if (item.email() != null) {
				long receipts = mails.stream().filter((to) -> to.contains(item.email())).count();
				if (receipts != 1) {
					(receipts == 0 ? lost : doubled).add(item.id() + ": " + receipts + " receipt e-mails");
				}
			}
		}
		return new Counts(lost, doubled, wrongStatus);
	}

	/**
	 * The items to count: those acknowledged to their callers, and those sent by e-mail,
	 * found in the inbox by their unique subject (one never found is lost, one found
	 * twice doubled).
	 */
	static List<Item> items(Load load, List<String> lost, List<String> doubled) {
		List<Item> items = new ArrayList<>(load.acknowledged());
		for (Mailed mailed : load.mailed()) {
			List<JsonNode> found = inboxSearch(mailed.subject());
			if (found.size() == 1) {
				items.add(new Item(found.get(0).get("complaintId").asString(), "EMAIL", mailed.subject(), false,
						mailed.sender()));
			}
			else {
				(found.isEmpty() ? lost : doubled)
					.add("e-mail \"" + mailed.subject() + "\" became " + found.size() + " items");
			}
		}
		return items;
	}

	/**
	 * The inbox items with exactly this subject: the keyword search finds the items whose
	 * subject has its words, the subject itself decides.
	 */
	private static List<JsonNode> inboxSearch(String subject) {
		// every page: the words of one subject ("(14)") begin words of many others
		// ("14ad7900"), more than a page holds
		List<JsonNode> same = new ArrayList<>();
		for (int page = 0; page < 100; page++) {
			int number = page;
			JsonNode found = direct("routing-service").get()
				.uri((builder) -> builder.path("/api/v1/inbox")
					.queryParam("q", subject)
					.queryParam("size", 200)
					.queryParam("page", number)
					.build())
				.retrieve()
				.body(JsonNode.class)
				.get("content");
			found.forEach((item) -> {
				if (subject.equals(item.path("subject").asString())) {
					same.add(item);
				}
			});
			if (found.size() < 200) {
				break;
			}
		}
		return same;
	}

	/**
	 * Receipt and marking messages not sent yet, from the provider's and mail server's
	 * logs.
	 */
	static long messagesMissing(List<Item> items, Load load) {
		List<String> sms = system.smsTaken();
		List<List<String>> mails = system.mailRecipients();
		long missing = 0;
		// the e-mailed items too: an item whose message was claimed as the database froze
		// waits for the claim to run out (2 minutes) before it is sent
		for (Item item : items) {
			if (item.mobile()
					&& sms.stream().noneMatch((body) -> body.contains(item.id()) && body.contains(RECEIPT_SMS))) {
				missing++;
			}
			if (item.mobile() && load.marked().contains(item.id())
					&& sms.stream().noneMatch((body) -> body.contains(item.id()) && body.contains(MARKED_SMS))) {
				missing++;
			}
			if (item.email() != null && mails.stream().noneMatch((to) -> to.contains(item.email()))) {
				missing++;
			}
		}
		return missing;
	}

	private static void countOnce(List<String> sms, Item item, String text, String what, List<String> lost,
			List<String> doubled) {
		// by the message's reference: a provider that answered after the sender gave up
		// got the same message again, and de-duplicates on it
		long sent = sms.stream()
			.filter((body) -> body.contains(item.id()) && body.contains(text))
			.map((body) -> body.replaceAll("(?s).*\"reference\"\\s*:\\s*\"([^\"]+)\".*", "$1"))
			.distinct()
			.count();
		if (sent != 1) {
			(sent == 0 ? lost : doubled).add(item.id() + ": " + sent + " " + what);
		}
	}

	/** A service called directly, past the gateway, with the DM's token. */
	static RestClient direct(String service) {
		return RestClient.builder()
			.baseUrl(system.serviceUrl(service))
			.defaultHeader("Authorization", "Bearer " + dmToken)
			.defaultStatusHandler((status) -> true, (request, response) -> {
			})
			.build();
	}

	private static int inboxTotal() {
		JsonNode page = direct("routing-service").get().uri("/api/v1/inbox?size=1").retrieve().body(JsonNode.class);
		JsonNode total = page.has("page") ? page.get("page").get("totalElements") : page.get("totalElements");
		return total.asInt();
	}

	private static int trackingTotal() {
		JsonNode summary = direct("tracking-service").get()
			.uri("/api/v1/dashboard/summary")
			.retrieve()
			.body(JsonNode.class);
		int total = 0;
		for (JsonNode count : summary.get("byStatus")) {
			total += count.asInt();
		}
		return total;
	}

	/** Waits a while without holding anything: a fault that lasts. */
	static void pause(Duration duration) {
		await().pollDelay(duration).atMost(duration.plusSeconds(5)).until(() -> true);
	}

	static void write(String file, String header, List<String> rows, Load load, Counts counts) {
		StringBuilder report = new StringBuilder(header);
		rows.forEach((row) -> report.append(row).append('\n'));
		report.append("\nitems acknowledged: ")
			.append(load.acknowledged().size())
			.append(" (by channel: ")
			.append(load.acknowledged().stream().collect(Collectors.groupingBy(Item::channel, Collectors.counting())))
			.append("); e-mailed to the complaints box: ")
			.append(load.mailed().size())
			.append("; marked: ")
			.append(load.marked().size())
			.append("; worked on: ")
			.append(load.worked().size())
			.append("; answered 503 and retried: ")
			.append(load.serviceUnavailable.get())
			.append("; left hanging: ")
			.append(load.unanswered())
			.append("; answers cut off: ")
			.append(load.cutOff())
			.append("; other answers: ")
			.append(load.unexpected())
			.append("\nlost: ")
			.append(counts.lost().size())
			.append(counts.lost())
			.append("; doubled: ")
			.append(counts.doubled().size())
			.append(counts.doubled())
			.append("; marked or worked on but not so in tracking: ")
			.append(counts.wrongStatus().size())
			.append('\n');
		HostileInputIT.report(file, report.toString());
	}

	/** The state of the system the counts start from (it is shared with other tests). */
	record Baseline(int inbox, int tracking) {

		static Baseline now() {
			return await().atMost(Duration.ofMinutes(1))
				.ignoreExceptions()
				.until(() -> new Baseline(inboxTotal(), trackingTotal()), (baseline) -> true);
		}

	}

	/** An item a caller was given a receipt for. */
	record Item(String id, String channel, String subject, boolean mobile, String email) {
	}

	/** A complaint sent by e-mail to the office's box: no caller is given a receipt. */
	record Mailed(String subject, String sender) {
	}

	/**
	 * The steady stream: an item every 300 ms, the channels in turn, each submission
	 * retried with the same idempotency key (or channel message ID) until it is
	 * acknowledged, and each e-mail sent once to the office's box; every fifth round the
	 * DM marks an acknowledged item to SUPPLY, and in another the SUPPLY officer starts
	 * work on a marked one.
	 */
	static final class Load {

		private final ScheduledExecutorService callers = Executors.newScheduledThreadPool(3);

		private final List<Item> acknowledged = new CopyOnWriteArrayList<>();

		private final Set<String> marked = ConcurrentHashMap.newKeySet();

		private final Set<String> worked = ConcurrentHashMap.newKeySet();

		private final List<Mailed> mailed = new CopyOnWriteArrayList<>();

		private final AtomicInteger round = new AtomicInteger();

		final AtomicInteger serviceUnavailable = new AtomicInteger();

		private final AtomicInteger unanswered = new AtomicInteger();

		private final AtomicInteger cutOff = new AtomicInteger();

		private final List<String> unexpected = new CopyOnWriteArrayList<>();

		private final String run = UUID.randomUUID().toString().substring(0, 8);

		void start() {
			this.callers.scheduleWithFixedDelay(this::next, 0, 300, TimeUnit.MILLISECONDS);
		}

		void stop() {
			this.callers.shutdown();
			await().atMost(Duration.ofMinutes(3)).until(() -> this.callers.awaitTermination(1, TimeUnit.SECONDS));
		}

		List<Item> acknowledged() {
			return this.acknowledged;
		}

		Set<String> marked() {
			return this.marked;
		}

		/** Items the department has started work on (IN_PROGRESS). */
		Set<String> worked() {
			return this.worked;
		}

		List<Mailed> mailed() {
			return this.mailed;
		}

		int unanswered() {
			return this.unanswered.get();
		}

		/**
		 * Answers that began and broke off (the instance giving them died): the caller
		 * tries again as if there had been none.
		 */
		int cutOff() {
			return this.cutOff.get();
		}

		/** How many rounds (each one submission, some a marking or a status too). */
		int rounds() {
			return this.round.get();
		}

		/**
		 * Answers that were neither an acknowledgement nor a 503/429 to try again after.
		 */
		List<String> unexpected() {
			return this.unexpected;
		}

		/** One round; whatever goes wrong is recorded, and the stream goes on. */
		private void next() {
			try {
				round(this.round.incrementAndGet());
			}
			catch (RuntimeException | AssertionError ex) {
				this.unexpected.add(ex.toString());
			}
		}

		private void round(int n) {
			String subject = "दोष परीक्षण " + this.run + " (" + n + ")";
			String email = "fault." + this.run + "." + n + "@example.in";
			String mobile = "98" + "%08d".formatted(n % 100_000_000);
			switch (n % 5) {
				case 0 -> submit(n, "WEB", subject, true, email,
						() -> web.post()
							.uri("/api/v1/complaints")
							.header("Idempotency-Key", "fault-web-" + this.run + "-" + n)
							.contentType(MediaType.APPLICATION_JSON)
							.body(Map.of("channel", "WEB", "applicant",
									Map.of("name", "रीता देवी", "mobile", mobile, "email", email, "preferredLanguage",
											"hi"),
									"subject", subject, "description", "सड़क टूटी है।"))
							.retrieve()
							.toEntity(JsonNode.class));
				case 1 -> submit(n, "POST", subject, true, null, () -> {
					MultiValueMap<String, HttpEntity<?>> parts = new LinkedMultiValueMap<>();
					parts.add("complaint",
							Http.jsonPart(Map.of("channel", "POST", "applicant",
									Map.of("name", "रामेश्वर प्रसाद", "mobile", mobile), "subject", subject,
									"description", "नाली नहीं है।")));
					parts.add("files", Http.filePart("files", "scan.pdf", MediaType.APPLICATION_PDF, PDF));
					return desk.post()
						.uri("/api/v1/complaints")
						.header("Idempotency-Key", "fault-desk-" + this.run + "-" + n)
						.contentType(MediaType.MULTIPART_FORM_DATA)
						.body(parts)
						.retrieve()
						.toEntity(JsonNode.class);
				});
				case 2 -> {
					// the bridge sends the same fax again, as it received it
					String receivedAt = Instant.now().toString();
					submit(n, "FAX", subject, false, null, () -> {
						MultiValueMap<String, HttpEntity<?>> parts = new LinkedMultiValueMap<>();
						parts.add("fax", Http.jsonPart(Map.of("faxId", "fault-fax-" + this.run + "-" + n,
								"senderNumber", "0612 2200456", "receivedAt", receivedAt, "subject", subject)));
						parts.add("pages", Http.filePart("pages", "page-1.pdf", MediaType.APPLICATION_PDF, PDF));
						return fax.post()
							.uri("/api/v1/channels/fax")
							.contentType(MediaType.MULTIPART_FORM_DATA)
							.body(parts)
							.retrieve()
							.toEntity(JsonNode.class);
					});
				}
				case 4 -> mail(subject, "mailer." + this.run + "." + n + "@example.in");
				default -> submit(n, "SOCIAL_MEDIA", subject, false, null,
						() -> Http.json(social, HttpMethod.POST, "/api/v1/channels/social",
								Map.of("platform", "x", "handle", "citizen_" + n, "postId",
										"fault-" + this.run + "-" + n, "postUrl", "https://x.example/s/" + n, "text",
										subject, "postedAt", Instant.now().toString())));
			}
			if (n % 5 == 0) {
				markOne();
			}
			if (n % 5 == 3) {
				workOne();
			}
		}

		/**
		 * Sends a complaint to the office's box over SMTP; intake reads it over IMAP. A
		 * mail server accepts it once, so there is nothing to retry.
		 */
		private void mail(String subject, String sender) {
			try {
				system.mailComplaint(sender, "सुनीता कुमारी", subject, "हैंडपंप खराब है, तीन सप्ताह से पानी नहीं।");
				this.mailed.add(new Mailed(subject, sender));
			}
			catch (IllegalStateException ex) {
				this.unexpected.add("e-mail " + subject + " not sent: " + ex);
			}
		}

		/**
		 * The SUPPLY officer starts work on the oldest marked item not yet worked on; one
		 * tracking does not yet have as marked is tried again in a later round.
		 */
		private void workOne() {
			for (Item item : this.acknowledged) {
				if (!this.marked.contains(item.id()) || this.worked.contains(item.id())) {
					continue;
				}
				try {
					ResponseEntity<JsonNode> answer = Http.json(officer, HttpMethod.POST,
							"/api/v1/cases/" + item.id() + "/status", Map.of("status", "IN_PROGRESS"));
					int status = answer.getStatusCode().value();
					// 409: an earlier try went through though its answer was lost, or the
					// marking has not reached tracking yet
					if (status == 200 || (status == 409 && "IN_PROGRESS".equals(officer.get()
						.uri("/api/v1/cases/" + item.id())
						.retrieve()
						.body(JsonNode.class)
						.path("status")
						.asString()))) {
						this.worked.add(item.id());
					}
					else if (status >= 500 && status != 503) {
						this.unexpected.add("work on " + item.id() + " answered " + status + ": " + answer.getBody());
					}
				}
				catch (org.springframework.web.client.ResourceAccessException ex) {
					this.unanswered.incrementAndGet();
				}
				catch (org.springframework.web.client.RestClientException ex) {
					// an answer cut off as the instance that gave it died: no answer
					this.cutOff.incrementAndGet();
				}
				return;
			}
		}

		/**
		 * Sends one item, again and again with the same key, until it is acknowledged.
		 */
		private void submit(int n, String channel, String subject, boolean mobile, String email,
				java.util.function.Supplier<ResponseEntity<JsonNode>> call) {
			long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
			while (System.nanoTime() < deadline) {
				try {
					ResponseEntity<JsonNode> answer = call.get();
					int status = answer.getStatusCode().value();
					if (status == 200 || status == 201) {
						this.acknowledged.add(new Item(answer.getBody().get("receiptNumber").asString(), channel,
								subject, mobile, email));
						return;
					}
					if (status == 503 || status == 429) {
						this.serviceUnavailable.incrementAndGet();
					}
					else {
						this.unexpected.add(channel + " item " + n + " answered " + status + ": " + answer.getBody());
						return;
					}
				}
				catch (org.springframework.web.client.ResourceAccessException ex) {
					this.unanswered.incrementAndGet();
				}
				catch (org.springframework.web.client.RestClientException ex) {
					// an answer cut off as the instance that gave it died: no answer
					this.cutOff.incrementAndGet();
				}
				pause(Duration.ofMillis(500));
			}
			this.unexpected.add(channel + " item " + n + " not acknowledged within 3 minutes");
		}

		/** The DM marks the oldest acknowledged, unmarked item that is in the inbox. */
		private void markOne() {
			for (Item item : this.acknowledged) {
				if (this.marked.contains(item.id())) {
					continue;
				}
				try {
					ResponseEntity<JsonNode> answer = Http.json(dm, HttpMethod.POST,
							"/api/v1/inbox/" + item.id() + "/marking", Map.of("departmentCode", "SUPPLY"));
					int status = answer.getStatusCode().value();
					// 409: an earlier try went through though its answer was lost
					if (status == 200 || status == 409) {
						this.marked.add(item.id());
					}
				}
				catch (org.springframework.web.client.ResourceAccessException ex) {
					this.unanswered.incrementAndGet();
				}
				catch (org.springframework.web.client.RestClientException ex) {
					// an answer cut off as the instance that gave it died: no answer
					this.cutOff.incrementAndGet();
				}
				return;
			}
		}

	}

}
