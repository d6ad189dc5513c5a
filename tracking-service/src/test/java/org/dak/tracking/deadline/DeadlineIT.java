package org.dak.tracking.deadline;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.dak.contracts.DeadlineBreached;
import org.dak.contracts.DeadlineNeared;
import org.dak.contracts.GoldenSamples;
import org.dak.contracts.Topic;
import org.dak.contracts.Topics;
import org.dak.support.events.EventJson;
import org.dak.items.identity.ReceiptNumbers;
import org.dak.testsupport.Http;
import org.dak.testsupport.MongoReads;
import org.dak.testsupport.PublishedRecords;
import org.dak.testsupport.ServiceIntegrationTest;
import org.dak.testsupport.TestClock;
import org.dak.testsupport.TestTokens;
import org.dak.tracking.timeline.Cases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.client.RestClient;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ServiceIntegrationTest
@AutoConfigureMetrics
@Import({ DeadlineIT.Clocks.class, MongoReads.Recording.class })
@TestPropertySource(properties = "dak.tracking.deadlines.check-interval=200ms")
class DeadlineIT {

	static final ZoneId IST = ZoneId.of("Asia/Kolkata");

	@TestConfiguration
	static class Clocks {

		@Bean
		@Primary
		TestClock testClock() {
			return new TestClock(LocalDate.of(2026, 11, 28).atTime(11, 0).atZone(IST).toInstant());
		}

	}

	@Autowired
	TestClock clock;

	@Autowired
	MongoReads reads;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	@Qualifier("caseReadModels")
	SmartLifecycle readModels;

	@Autowired
	@Qualifier("caseReadModels")
	SmartInitializingSingleton readModelsAtStart;

	@LocalServerPort
	int port;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@BeforeEach
	void backToTheDayOfReceipt() {
		this.clock.set(day("2026-11-28"));
	}

	@Test
	void aSupplyItemGetsItsTwentyOneDayDeadlineRemindersAndExactlyOneBreach() {
		String id = ReceiptNumbers.format("NAL", 2026, 7001);
		receivedAndMarked(id, "SUPPLY");
		JsonNode item = Http.local(this.port, TestTokens.token("dm", "DM"))
			.get()
			.uri("/api/v1/cases/" + id)
			.retrieve()
			.body(JsonNode.class);
		assertThat(item.get("dueDate").asString()).isEqualTo("2026-12-29");

		this.clock.set(day("2026-12-14"));
		ConsumerRecord<String, byte[]> neared = PublishedRecords.await(this.bootstrapServers, Topics.DEADLINE_NEARED,
				(r) -> id.equals(r.key()), Duration.ofSeconds(30));
		assertThat(EventJson.read(neared.value(), DeadlineNeared.class).percentElapsed()).isEqualTo(50);

		this.clock.set(day("2026-12-30"));
		ConsumerRecord<String, byte[]> breach = PublishedRecords.await(this.bootstrapServers, Topics.DEADLINE_BREACHED,
				(r) -> id.equals(r.key()), Duration.ofSeconds(30));
		DeadlineBreached breached = EventJson.read(breach.value(), DeadlineBreached.class);
		assertThat(breached.departmentCode()).isEqualTo("SUPPLY");
		assertThat(breached.dueDate()).isEqualTo(LocalDate.of(2026, 12, 29));

		this.clock.set(day("2027-01-15"));
		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(20))
			.until(() -> countOn(Topics.DEADLINE_BREACHED, id) == 1);
	}

	/**
	 * Two instances of tracking run their rounds at the same moment (and the scheduled
	 * one runs too): each overdue item's breach is announced once.
	 */
	@Test
	void twoDeadlineRoundsAtOnceAnnounceEachBreachOnce(@Autowired Cases cases) throws Exception {
		List<String> ids = receivedAndMarked(7400, 8, "SUPPLY");
		twoInstancesAtOnce(day("2026-12-30"), cases::checkDeadlines);

		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(20))
			.until(() -> countsOn(Topics.DEADLINE_BREACHED, ids, (r) -> true).values()
				.stream()
				.allMatch((count) -> count == 1));
		assertThat(countsOn(Topics.DEADLINE_BREACHED, ids, (r) -> true)).hasSize(ids.size());
	}

	/**
	 * Two instances of tracking close the same unanswered disposals at the same moment
	 * (and the scheduled round runs too): each item is closed once, and its applicant is
	 * told once.
	 */
	@Test
	void twoRoundsAtOnceCloseEachUnansweredItemOnce(@Autowired Cases cases) throws Exception {
		List<String> ids = receivedAndMarked(7600, 4, "PHED");
		this.clock.set(day("2026-12-01"));
		for (String id : ids) {
			Http.local(this.port, TestTokens.officer("PHED"))
				.post()
				.uri("/api/v1/cases/" + id + "/status")
				.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
				.body(Map.of("status", "DISPOSED", "note", "नल की मरम्मत हो गई"))
				.retrieve()
				.toBodilessEntity();
		}
		twoInstancesAtOnce(day("2027-01-02"), () -> cases.closeUnanswered(Duration.ofDays(30)));

		await().atMost(Duration.ofSeconds(20)).until(() -> ids.stream().allMatch((id) -> "CLOSED".equals(status(id))));
		Predicate<ConsumerRecord<String, byte[]>> closed = (r) -> PublishedRecords.text(r).contains("\"CLOSED\"");
		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(20))
			.until(() -> countsOn(Topics.STATUS_UPDATED, ids, closed).values()
				.stream()
				.allMatch((count) -> count == 1));
		assertThat(countsOn(Topics.STATUS_UPDATED, ids, closed)).hasSize(ids.size());
	}

	/**
	 * Two instances' rounds at the same moment: each runs {@code round} five times, both
	 * starting together once the clock reads {@code moment}.
	 */
	private void twoInstancesAtOnce(Instant moment, Callable<Integer> round) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService instances = Executors.newFixedThreadPool(2);
		List<Future<Integer>> rounds = new ArrayList<>();
		for (int instance = 0; instance < 2; instance++) {
			rounds.add(instances.submit(() -> {
				start.await();
				int done = 0;
				for (int i = 0; i < 5; i++) {
					done += round.call();
				}
				return done;
			}));
		}
		this.clock.set(moment);
		start.countDown();
		for (Future<Integer> each : rounds) {
			each.get(60, TimeUnit.SECONDS);
		}
		instances.shutdown();
	}

	/** How many records of the topic each of these keys has that {@code match}. */
	private Map<String, Long> countsOn(String topic, List<String> keys,
			Predicate<ConsumerRecord<String, byte[]>> match) {
		Map<String, Long> counts = new java.util.HashMap<>();
		try {
			PublishedRecords.await(this.bootstrapServers, topic, (r) -> {
				if (keys.contains(r.key()) && match.test(r)) {
					counts.merge(r.key(), 1L, Long::sum);
				}
				return false;
			}, Duration.ofSeconds(1));
		}
		catch (AssertionError ex) {
			// read to the end of the topic
		}
		return counts;
	}

	@Test
	void theRoundAndThePendencyFiguresReadOnlyUnfinishedItems() {
		List<String> finishedItems = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			String finished = ReceiptNumbers.format("NAL", 2026, 7300 + i);
			finishedItems.add(finished);
			receivedAndMarked(finished, "PHED");
			assertThat(Http.local(this.port, TestTokens.officer("PHED"))
				.post()
				.uri("/api/v1/cases/" + finished + "/status")
				.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
				.body(Map.of("status", "REJECTED", "note", "यह विषय इस विभाग का नहीं है"))
				.retrieve()
				.toBodilessEntity()
				.getStatusCode()
				.value()).isEqualTo(200);
		}
		String open = ReceiptNumbers.format("NAL", 2026, 7399);
		receivedAndMarked(open, "SUPPLY");
		this.reads.clear();

		// a few rounds pass (every 200 ms here), then the reminder of the open item is
		// due
		await().atMost(Duration.ofSeconds(10)).until(() -> this.reads.on("live_cases").size() >= 3);
		this.clock.set(day("2026-12-14"));
		PublishedRecords.await(this.bootstrapServers, Topics.DEADLINE_NEARED, (r) -> open.equals(r.key()),
				Duration.ofSeconds(30));
		RestClient dm = Http.local(this.port, TestTokens.token("dm", "DM"));
		JsonNode pendency = dm.get().uri("/api/v1/dashboard/pendency").retrieve().body(JsonNode.class);
		JsonNode summary = dm.get().uri("/api/v1/dashboard/summary").retrieve().body(JsonNode.class);
		dm.get().uri("/api/v1/dashboard/overdue").retrieve().body(JsonNode.class);
		JsonNode queue = Http.local(this.port, TestTokens.officer("PHED"))
			.get()
			.uri("/api/v1/cases?size=200")
			.retrieve()
			.body(JsonNode.class);
		dm.get().uri("/api/v1/cases/" + open).retrieve().body(JsonNode.class);

		assertThat(pendency.get("departments").findValuesAsString("departmentCode")).contains("SUPPLY");
		assertThat(summary.get("byStatus").get("REJECTED").asInt()).isGreaterThanOrEqualTo(30);
		assertThat(queue.get("content").findValuesAsString("complaintId")).as("the queue holds unfinished items")
			.doesNotContainAnyElementsOf(finishedItems);
		assertThat(this.reads.scansOf(this.mongo, "cases")).as("nothing reads every case").isEmpty();
		assertThat(this.reads.scansOf(this.mongo, "processed_events")).as("an event's check reads no other").isEmpty();
		assertThat(this.reads.on("cases").toString()).as("no finished item is read")
			.doesNotContain(finishedItems)
			.contains(open);

		// an Open311 app's lists: the days' receipt numbers, then their cases by ID
		this.reads.clear();
		RestClient app = Http.local(this.port);
		app.get().uri("/open311/v2/requests.json?service_code=road&status=open").retrieve().body(String.class);
		app.get().uri("/open311/v2/requests.xml?service_request_id=" + open).retrieve().body(String.class);
		app.get().uri("/open311/v2/requests/" + open + ".json").retrieve().body(String.class);
		assertThat(this.reads.scansOf(this.mongo, "cases")).as("a list reads no whole archive").isEmpty();
		assertThat(this.reads.scansOf(this.mongo, "received_days")).as("a list reads only its days").isEmpty();
		assertThat(this.reads.on("received_days")).as("the lists were asked").isNotEmpty();
	}

	@Test
	void aRestartAfterACleanStopKeepsTheFiguresAndReadsNoCase() {
		receivedAndMarked(ReceiptNumbers.format("NAL", 2026, 7501), "PHED");
		receivedAndMarked(ReceiptNumbers.format("NAL", 2026, 7502), "SUPPLY");
		Map<String, List<Document>> before = readModels();

		this.readModels.stop();
		this.reads.clear();
		this.readModelsAtStart.afterSingletonsInstantiated();
		this.readModels.start();

		assertThat(this.reads.on("cases")).as("a restart reads no case").isEmpty();
		assertThat(readModels()).isEqualTo(before);
	}

	@Test
	void aRestartAfterACrashRebuildsWhatTheCrashLeftWrong() {
		receivedAndMarked(ReceiptNumbers.format("NAL", 2026, 7511), "PHED");
		Map<String, List<Document>> before = readModels();
		// what a crash between a case's save and its figures could leave: figures off
		for (String collection : before.keySet()) {
			this.mongo.remove(new Query(), collection);
		}

		// the service was not stopped cleanly: the mark of current figures is gone
		this.readModelsAtStart.afterSingletonsInstantiated();

		assertThat(readModels()).isEqualTo(before);
	}

	/**
	 * What the read models say: the unfinished cases with their status and department,
	 * and every counter that is not zero.
	 */
	private Map<String, List<Document>> readModels() {
		Map<String, List<Document>> models = new java.util.TreeMap<>();
		Query live = new Query().with(Sort.by("_id"));
		live.fields().include("_id", "status", "departmentCode");
		models.put("live_cases", this.mongo.find(live, Document.class, "live_cases"));
		for (String collection : List.of("open_items", "dashboard_figures")) {
			models.put(collection,
					this.mongo.find(new Query().with(Sort.by("_id")), Document.class, collection)
						.stream()
						.map(DeadlineIT::withoutZeros)
						.toList());
		}
		return models;
	}

	private static Document withoutZeros(Document counters) {
		Document kept = new Document();
		counters.forEach((key, value) -> {
			if (value instanceof Document nested) {
				Document inner = withoutZeros(nested);
				if (!inner.isEmpty()) {
					kept.put(key, inner);
				}
			}
			else if (!(value instanceof Number number) || number.longValue() != 0) {
				kept.put(key, value);
			}
		});
		return kept;
	}

	@Test
	void aDisposedItemWithoutFeedbackClosesAfterThirtyDays() {
		String id = ReceiptNumbers.format("NAL", 2026, 7003);
		receivedAndMarked(id, "PHED");
		this.clock.set(day("2026-12-01"));
		Http.local(this.port, TestTokens.officer("PHED"))
			.post()
			.uri("/api/v1/cases/" + id + "/status")
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.body(Map.of("status", "DISPOSED", "note", "हैंडपंप ठीक कर दिया गया"))
			.retrieve()
			.toBodilessEntity();

		this.clock.set(day("2026-12-30"));
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10)).until(() -> "DISPOSED".equals(status(id)));
		this.clock.set(day("2027-01-01"));
		await().atMost(Duration.ofSeconds(30)).until(() -> "CLOSED".equals(status(id)));
	}

	@Test
	void dashboardsShowDisposalTimesOverdueItemsAndACsvForTheReviewMeeting() {
		String disposed = ReceiptNumbers.format("NAL", 2026, 7004);
		String late = ReceiptNumbers.format("NAL", 2026, 7005);
		receivedAndMarked(disposed, "HEALTH");
		receivedAndMarked(late, "HEALTH");
		this.clock.set(day("2026-12-08"));
		Http.local(this.port, TestTokens.officer("HEALTH"))
			.post()
			.uri("/api/v1/cases/" + disposed + "/status")
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.body(Map.of("status", "DISPOSED", "note", "दवा उपलब्ध करा दी गई"))
			.retrieve()
			.toBodilessEntity();
		this.clock.set(day("2027-03-10"));
		var auditor = Http.local(this.port, TestTokens.token("auditor", "AUDITOR"));

		JsonNode summary = auditor.get().uri("/api/v1/dashboard/summary").retrieve().body(JsonNode.class);
		JsonNode overdue = auditor.get().uri("/api/v1/dashboard/overdue").retrieve().body(JsonNode.class);
		String csv = auditor.get().uri("/api/v1/dashboard/summary.csv").retrieve().body(String.class);

		JsonNode health = null;
		for (JsonNode row : summary.get("departments")) {
			if ("HEALTH".equals(row.get("departmentCode").asString())) {
				health = row;
			}
		}
		assertThat(health).isNotNull();
		assertThat(health.get("disposed").asInt()).isEqualTo(1);
		assertThat(health.get("averageDisposalDays").asDouble()).isEqualTo(7.0);
		assertThat(health.get("p90DisposalDays").asInt()).isEqualTo(7);
		assertThat(health.get("overdue").asInt()).isEqualTo(1);
		assertThat(summary.get("byChannel").get("WEB").asInt()).isPositive();
		assertThat(overdue.findValuesAsString("complaintId")).contains(late).doesNotContain(disposed);
		assertThat(csv).startsWith("department,total,open,disposed,overdue").contains("\nHEALTH,2,1,1,1,7.0,7\n");
	}

	private String status(String id) {
		return Http.local(this.port, TestTokens.token("dm", "DM"))
			.get()
			.uri("/api/v1/cases/" + id)
			.retrieve()
			.body(JsonNode.class)
			.get("status")
			.asString();
	}

	@Test
	void pendencyCountsOpenItemsByDepartmentAndAge() {
		String id = ReceiptNumbers.format("NAL", 2026, 7002);
		receivedAndMarked(id, "PHED");
		this.clock.set(day("2027-03-10"));

		JsonNode pendency = Http.local(this.port, TestTokens.token("auditor", "AUDITOR"))
			.get()
			.uri("/api/v1/dashboard/pendency")
			.retrieve()
			.body(JsonNode.class);

		JsonNode phed = null;
		for (JsonNode row : pendency.get("departments")) {
			if ("PHED".equals(row.get("departmentCode").asString())) {
				phed = row;
			}
		}
		assertThat(phed).isNotNull();
		assertThat(phed.get("open").asInt()).isGreaterThanOrEqualTo(1);
		assertThat(phed.get("olderThan45").asInt()).isGreaterThanOrEqualTo(1);
		assertThat(phed.get("olderThan60").asInt()).isGreaterThanOrEqualTo(1);
		assertThat(phed.get("overdue").asInt()).isGreaterThanOrEqualTo(1);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> Http.local(this.port)
				.get()
				.uri("/actuator/prometheus")
				.retrieve()
				.body(String.class)
				.contains("dak_pending{age=\"over-60\",application=\"tracking-service\",department=\"PHED\"}"));
	}

	private long countOn(String topic, String key) {
		List<String> seen = new ArrayList<>();
		try {
			PublishedRecords.await(this.bootstrapServers, topic, (r) -> {
				if (key.equals(r.key())) {
					seen.add(r.key());
				}
				return false;
			}, Duration.ofSeconds(1));
		}
		catch (AssertionError ex) {
			// read to the end of the topic
		}
		return seen.size();
	}

	@Test
	void aDepartmentSeesWhatIsDueSoonAndWhatIsOverdue() {
		String supply = ReceiptNumbers.format("NAL", 2026, 7101);
		String police = ReceiptNumbers.format("NAL", 2026, 7102);
		receivedAndMarked(supply, "SUPPLY");
		receivedAndMarked(police, "POLICE", "ration-card");
		RestClient officer = Http.local(this.port, TestTokens.officer("SUPPLY"));
		RestClient policeOfficer = Http.local(this.port, TestTokens.officer("POLICE"));

		this.clock.set(day("2026-12-22"));
		JsonNode dueSoon = officer.get().uri("/api/v1/cases?dueSoon=true&size=200").retrieve().body(JsonNode.class);
		JsonNode overdueNow = officer.get().uri("/api/v1/cases?overdue=true&size=200").retrieve().body(JsonNode.class);
		JsonNode policeDueSoon = policeOfficer.get()
			.uri("/api/v1/cases?dueSoon=true&size=200")
			.retrieve()
			.body(JsonNode.class);
		this.clock.set(day("2026-12-30"));
		JsonNode overdueLater = officer.get()
			.uri("/api/v1/cases?overdue=true&size=200")
			.retrieve()
			.body(JsonNode.class);

		assertThat(dueSoon.get("content").findValuesAsString("complaintId")).as("due 29 Dec, 5 working days ahead")
			.contains(supply);
		assertThat(overdueNow.get("content").findValuesAsString("complaintId")).doesNotContain(supply);
		assertThat(policeDueSoon.get("content").findValuesAsString("complaintId")).as("60 working days: not yet")
			.doesNotContain(police);
		assertThat(overdueLater.get("content").findValuesAsString("complaintId")).contains(supply);
	}

	@Test
	void aCategoryRuleSetsTheDeadlineWhateverTheDepartment() {
		String id = ReceiptNumbers.format("NAL", 2026, 7103);

		receivedAndMarked(id, "SOCIAL_WELFARE", "pension");

		JsonNode item = Http.local(this.port, TestTokens.token("dm", "DM"))
			.get()
			.uri("/api/v1/cases/" + id)
			.retrieve()
			.body(JsonNode.class);
		assertThat(item.get("category").asString()).isEqualTo("pension");
		assertThat(item.get("dueDate").asString()).as("30 working days from 28 Nov 2026, 25 Dec a holiday")
			.isEqualTo("2027-01-11");
	}

	/** {@code count} items numbered from {@code first}, each received and marked. */
	private List<String> receivedAndMarked(int first, int count, String department) {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String id = ReceiptNumbers.format("NAL", 2026, first + i);
			receivedAndMarked(id, department);
			ids.add(id);
		}
		return ids;
	}

	private void receivedAndMarked(String id, String department) {
		receivedAndMarked(id, department, "ration-card");
	}

	/** The golden samples under another ID, with the department and category replaced. */
	private void receivedAndMarked(String id, String department, String category) {
		String received = GoldenSamples.json(Topic.COMPLAINT_RECEIVED)
			.replace("\"ration-card\"", "\"" + category + "\"")
			.replace("NAL-2026-000123-C", id)
			.replace("0b9d5c8e-6f1a-4f43-9a57-1d6f0f3f2a10", UUID.randomUUID().toString());
		String routed = GoldenSamples.json(Topic.COMPLAINT_ROUTED)
			.replace("NAL-2026-000123-C", id)
			.replace("6a1c7f3e-2b4d-4e8f-8a9b-0c1d2e3f4a5b", UUID.randomUUID().toString())
			.replace("SUPPLY", department)
			.replace("\"dueDate\": \"2026-12-15\"", "\"dueDate\": null");
		PublishedRecords.send(this.bootstrapServers, Topics.COMPLAINT_RECEIVED, id,
				received.getBytes(StandardCharsets.UTF_8));
		PublishedRecords.send(this.bootstrapServers, Topics.COMPLAINT_ROUTED, id,
				routed.getBytes(StandardCharsets.UTF_8));
		await().atMost(Duration.ofSeconds(30)).until(() -> hasDueDate(id));
	}

	private boolean hasDueDate(String id) {
		JsonNode item = Http.local(this.port, TestTokens.token("dm", "DM"))
			.get()
			.uri("/api/v1/cases/" + id)
			.retrieve()
			.toEntity(JsonNode.class)
			.getBody();
		return item != null && item.has("dueDate");
	}

	private static Instant day(String date) {
		return LocalDate.parse(date).atTime(10, 0).atZone(IST).toInstant();
	}

}
