package org.dak.tracking;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.dak.contracts.ComplaintRouted;
import org.dak.contracts.DepartmentChanged;
import org.dak.contracts.GoldenSamples;
import org.dak.contracts.Topic;
import org.dak.contracts.Topics;
import org.dak.support.events.EventJson;
import org.dak.items.identity.AccessCodes;
import org.dak.testsupport.Http;
import org.dak.testsupport.PublishedRecords;
import org.dak.testsupport.TestTokens;
import tools.jackson.databind.JsonNode;

import org.springframework.http.ResponseEntity;

import static org.awaitility.Awaitility.await;

/**
 * Items put into tracking the way intake and routing do: by their events on the broker.
 */
public final class TrackedItems {

	/** The access code every test item is filed with. */
	public static final String CODE = "7QK3M9ZD2XWA4HPR";

	private final String bootstrapServers;

	/** Numbers of the DM's decisions: rising, as the desk's are per item. */
	private final java.util.concurrent.atomic.AtomicLong decisions = new java.util.concurrent.atomic.AtomicLong();

	private final int port;

	public TrackedItems(String bootstrapServers, int port) {
		this.bootstrapServers = bootstrapServers;
		this.port = port;
	}

	/** Receives an item (the golden sample under another ID) at {@code at}. */
	public void received(String id, Instant at) {
		String received = GoldenSamples.json(Topic.COMPLAINT_RECEIVED)
			.replace("NAL-2026-000123-C", id)
			.replace("0b9d5c8e-6f1a-4f43-9a57-1d6f0f3f2a10", UUID.randomUUID().toString())
			.replace("5d3f0e5b2c1a4f7e9b8d6c5a4f3e2d1c0b9a8f7e6d5c4b3a2918f7e6d5c4b3a2", AccessCodes.hash(CODE))
			.replace("2026-11-28T05:30:00.123Z", at.toString());
		PublishedRecords.send(this.bootstrapServers, Topics.COMPLAINT_RECEIVED, id,
				received.getBytes(StandardCharsets.UTF_8));
	}

	/** Marks it to a department (its rule sets the due date), with copies to others. */
	public void marked(String id, String department, List<String> copies, Instant at) {
		marked(id, department, copies, null, at);
	}

	/**
	 * Marks it to a department with copies to others, due on the DM's date (or by the
	 * department's rule if {@code null}).
	 */
	public void marked(String id, String department, List<String> copies, java.time.LocalDate dueDate, Instant at) {
		ComplaintRouted routed = new ComplaintRouted(UUID.randomUUID().toString(), id, at, department, department,
				department, null, "कृपया जाँच करें", dueDate, "dm", copies, this.decisions.incrementAndGet());
		send(Topics.COMPLAINT_ROUTED, id, routed);
	}

	/** The number of the DM's next decision on any item. */
	public long nextDecision() {
		return this.decisions.incrementAndGet();
	}

	/** Announces a department with offices below it, as routing does. */
	public void department(String code, String... offices) {
		DepartmentChanged sample = GoldenSamples.departmentChanged();
		DepartmentChanged changed = new DepartmentChanged(UUID.randomUUID().toString(), code, Instant.now(), code, code,
				sample.officer(),
				java.util.Arrays.stream(offices)
					.map((office) -> new org.dak.contracts.Office(office, office, office, null))
					.toList());
		send(Topics.DEPARTMENT_CHANGED, code, changed);
	}

	/** Waits until the DM sees the item with that many timeline entries. */
	public JsonNode awaitTimeline(String id, int entries) {
		JsonNode[] seen = new JsonNode[1];
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			ResponseEntity<JsonNode> item = Http.local(this.port, TestTokens.token("dm", "DM"))
				.get()
				.uri("/api/v1/cases/" + id)
				.retrieve()
				.toEntity(JsonNode.class);
			seen[0] = item.getBody();
			return item.getStatusCode().value() == 200 && item.getBody().get("timeline").size() == entries;
		});
		return seen[0];
	}

	public void send(String topic, String key, Record event) {
		PublishedRecords.send(this.bootstrapServers, topic, key,
				EventJson.write(event).getBytes(StandardCharsets.UTF_8));
	}

}
