package org.dak.tracking.rebuild;

import org.dak.tracking.timeline.Cases;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.dak.contracts.ComplaintRecalled;
import org.dak.contracts.ComplaintRouted;
import org.dak.contracts.GoldenSamples;
import org.dak.contracts.NotificationDispatched;
import org.dak.contracts.Topics;
import org.dak.items.identity.ReceiptNumbers;
import org.dak.support.mongo.Maintenance;
import org.dak.testsupport.Http;
import org.dak.testsupport.PublishedRecords;
import org.dak.testsupport.ServiceIntegrationTest;
import org.dak.testsupport.TestTokens;
import org.dak.tracking.TrackedItems;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operator's rebuild of the cases from the topics ({@code dak rebuild tracking}): the
 * service is stopped, the request left, and the next start makes every case again.
 */
@ServiceIntegrationTest
// a context of its own, started afresh: the rebuild stops and starts the listeners and
// the
// read models and leaves marks in the database, and must not depend on what the tests
// before it left paused in the shared context
@DirtiesContext(classMode = DirtiesContext.ClassMode.BEFORE_CLASS)
class RebuildFromTheTopicsIT {

	private static final byte[] REPORT = "%PDF-1.4\n% inspection report\n%%EOF\n".getBytes(StandardCharsets.UTF_8);

	private static final List<String> ANNOUNCED = List.of(Topics.STATUS_UPDATED, Topics.DEADLINE_NEARED,
			Topics.DEADLINE_BREACHED);

	@LocalServerPort
	int port;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	Cases cases;

	@Autowired
	KafkaListenerEndpointRegistry listeners;

	@Autowired
	@Qualifier("caseReadModels")
	SmartLifecycle readModels;

	@Autowired
	@Qualifier("caseReadModels")
	SmartInitializingSingleton start;

	@Test
	void everyCaseIsMadeAgainAsItWasAndNothingIsAnnouncedTwice() {
		TrackedItems items = new TrackedItems(this.bootstrapServers, this.port);
		RestClient supply = Http.local(this.port, TestTokens.officer("SUPPLY"));
		items.department("SUPPLY", "BLOCK_RAJGIR");
		// settled with evidence, then a marking the lifecycle refuses
		String settled = received(items, 8101);
		marked(items, settled, "SUPPLY", List.of("WELFARE"), null);
		items.awaitTimeline(settled, 2);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> Http
				.json(supply, HttpMethod.POST, "/api/v1/cases/" + settled + "/steps",
						Map.of("step", "FORWARD", "officeCode", "BLOCK_RAJGIR", "note", "स्थल जाँच करें"))
				.getStatusCode()
				.value() == 200);
		assertThat(actionTaken(supply, settled).get("status").asString()).isEqualTo("IN_PROGRESS");
		assertThat(Http
			.json(supply, HttpMethod.POST, "/api/v1/cases/" + settled + "/status",
					Map.of("status", "DISPOSED", "note", "राशन कार्ड में नाम जोड़ा गया"))
			.getStatusCode()
			.value()).isEqualTo(200);
		marked(items, settled, "POLICE", List.of(), null);
		items.awaitTimeline(settled, 6);
		NotificationDispatched sample = GoldenSamples.notificationDispatched();
		items.send(Topics.NOTIFICATION_DISPATCHED, settled,
				new NotificationDispatched(UUID.randomUUID().toString(), settled, Instant.now(),
						"n-" + settled + ":SMS:APPLICANT", "SMS", "APPLICANT", "disposed", "delivered",
						sample.recipient()));
		// marked, recalled, marked again with a due date already passed: breached
		String breached = received(items, 8102);
		marked(items, breached, "POLICE", List.of(), null);
		items.awaitTimeline(breached, 2);
		items.send(Topics.COMPLAINT_RECALLED, breached, new ComplaintRecalled(UUID.randomUUID().toString(), breached,
				now(), "POLICE", "गलत विभाग", "dm", items.nextDecision()));
		items.awaitTimeline(breached, 3);
		marked(items, breached, "SUPPLY", List.of(), LocalDate.now().minusDays(3));
		items.awaitTimeline(breached, 4);
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			this.cases.checkDeadlines();
			return this.cases.find(breached).orElseThrow().breachedAt() != null;
		});
		// only received
		String waiting = received(items, 8103);
		List<String> ids = List.of(settled, breached, waiting);
		await().atMost(Duration.ofSeconds(30)).until(() -> messages(settled).size() == 1 && allPublished(ids));
		Map<String, JsonNode> before = new HashMap<>();
		ids.forEach((id) -> before.put(id, asTheDmSeesIt(id)));
		Map<String, Document> stored = stored(ids);
		List<String> announcedBefore = PublishedRecords.everything(this.bootstrapServers, ANNOUNCED);

		// dak stop tracking; dak rebuild tracking; dak start tracking
		this.listeners.stop();
		this.readModels.stop();
		new Maintenance(this.mongo).done(RebuildFromTheTopics.REQUESTED);
		this.start.afterSingletonsInstantiated();
		this.readModels.start();
		this.listeners.start();

		ids.forEach((id) -> assertThat(asTheDmSeesIt(id)).as(id).isEqualTo(before.get(id)));
		assertThat(stored(ids)).isEqualTo(stored);
		assertThat(new Maintenance(this.mongo).isDone(RebuildFromTheTopics.REQUESTED)).as("the request is done")
			.isFalse();
		assertThat(this.mongo.getCollectionNames()).anyMatch((name) -> name.startsWith("cases_before_rebuild_"));
		JsonNode queue = supply.get().uri("/api/v1/cases?overdue=true&size=200").retrieve().body(JsonNode.class);
		assertThat(queue.get("content").findValuesAsString("complaintId")).as("the read models follow")
			.contains(breached)
			.doesNotContain(settled, waiting);
		byte[] evidence = supply.get()
			.uri("/api/v1/cases/" + settled + "/evidence/" + evidenceId(before.get(settled)))
			.retrieve()
			.body(byte[].class);
		assertThat(evidence).isEqualTo(REPORT);

		// the flow goes on: the waiting item is marked, and announced once
		marked(items, waiting, "SUPPLY", List.of(), null);
		assertThat(items.awaitTimeline(waiting, 2).get("status").asString()).isEqualTo("MARKED");
		await().atMost(Duration.ofSeconds(30)).until(() -> allPublished(ids));
		List<String> announcedAfter = PublishedRecords.everything(this.bootstrapServers, ANNOUNCED);
		assertThat(announcedAfter).containsAll(announcedBefore);
		List<String> added = new ArrayList<>(announcedAfter);
		announcedBefore.forEach(added::remove);
		assertThat(added).singleElement().asString().contains(waiting, "\"status\":\"MARKED\"");
	}

	@Test
	void aRebuildCutShortStartsAgainFromTheCasesKeptAndLosesNoEvidence() {
		TrackedItems items = new TrackedItems(this.bootstrapServers, this.port);
		RestClient supply = Http.local(this.port, TestTokens.officer("SUPPLY"));
		String id = received(items, 8201);
		marked(items, id, "SUPPLY", List.of(), null);
		items.awaitTimeline(id, 2);
		assertThat(actionTaken(supply, id).get("status").asString()).isEqualTo("IN_PROGRESS");
		await().atMost(Duration.ofSeconds(30)).until(() -> allPublished(List.of(id)));
		JsonNode before = asTheDmSeesIt(id);
		this.listeners.stop();
		this.readModels.stop();
		// what a crash in the middle of a rebuild leaves: the request, the cases kept
		// aside under the name it noted, and a half-made collection
		String kept = "cases_before_rebuild_cut_short";
		this.mongo.getCollection("cases")
			.renameCollection(new com.mongodb.MongoNamespace(this.mongo.getDb().getName(), kept));
		this.mongo.insert(new Document("_id", id).append("status", "RECEIVED"), "cases");
		this.mongo.insert(new Document("_id", RebuildFromTheTopics.REQUESTED).append("keptAs", kept),
				Maintenance.COLLECTION);
		long keptBefore = keptAside();

		this.start.afterSingletonsInstantiated();
		this.readModels.start();
		this.listeners.start();

		assertThat(asTheDmSeesIt(id)).isEqualTo(before);
		assertThat(supply.get()
			.uri("/api/v1/cases/" + id + "/evidence/" + evidenceId(before))
			.retrieve()
			.body(byte[].class)).isEqualTo(REPORT);
		assertThat(this.mongo.getCollectionNames()).contains(kept);
		assertThat(keptAside()).as("nothing put aside twice").isEqualTo(keptBefore);
	}

	private long keptAside() {
		return this.mongo.getCollectionNames()
			.stream()
			.filter((name) -> name.startsWith("cases_before_rebuild_"))
			.count();
	}

	private String received(TrackedItems items, int serial) {
		String id = ReceiptNumbers.format("NAL", 2026, serial);
		items.received(id, now().minusSeconds(120));
		items.awaitTimeline(id, 1);
		return id;
	}

	private static void marked(TrackedItems items, String id, String department, List<String> copies,
			LocalDate dueDate) {
		items.send(Topics.COMPLAINT_ROUTED, id, new ComplaintRouted(UUID.randomUUID().toString(), id, now(), department,
				department, department, null, "कृपया जाँच करें", dueDate, "dm", copies, items.nextDecision()));
	}

	private static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MILLIS);
	}

	private JsonNode actionTaken(RestClient supply, String id) {
		MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
		parts.add("step", Http.jsonPart(Map.of("step", "ACTION_TAKEN", "note", "स्थल जाँच की गई")));
		parts.add("evidence", Http.filePart("evidence", "report.pdf", MediaType.APPLICATION_PDF, REPORT));
		return supply.post()
			.uri("/api/v1/cases/" + id + "/steps")
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(parts)
			.retrieve()
			.body(JsonNode.class);
	}

	private JsonNode asTheDmSeesIt(String id) {
		return Http.local(this.port, TestTokens.token("dm", "DM"))
			.get()
			.uri("/api/v1/cases/" + id)
			.retrieve()
			.body(JsonNode.class);
	}

	private List<String> messages(String id) {
		return asTheDmSeesIt(id).get("messages").findValuesAsString("status");
	}

	private static String evidenceId(JsonNode item) {
		return item.get("timeline")
			.findValues("evidence")
			.stream()
			.filter((files) -> !files.isEmpty())
			.findFirst()
			.orElseThrow()
			.get(0)
			.get("id")
			.asString();
	}

	private boolean allPublished(List<String> ids) {
		return this.mongo.count(
				Query.query(
						Criteria.where("_id").in(ids).and("outbox").elemMatch(Criteria.where("publishedAt").is(null))),
				"cases") == 0;
	}

	/** The stored cases, but for their version and their outbox of published events. */
	private Map<String, Document> stored(List<String> ids) {
		Map<String, Document> found = new HashMap<>();
		for (Document document : this.mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class, "cases")) {
			document.remove("version");
			document.remove("outbox");
			document.remove("_class");
			List<Document> timeline = new ArrayList<>(document.getList("timeline", Document.class));
			timeline.sort(Comparator.comparing((entry) -> entry.getDate("at")));
			document.put("timeline", timeline);
			found.put(document.getString("_id"), document);
		}
		return found;
	}

}
