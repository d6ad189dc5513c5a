package org.dak.systemtest;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tracking's cases damaged with no backup to hand: the operator stops tracking, asks for
 * a rebuild ({@code dak rebuild tracking}) and starts it; every case comes back from the
 * topics as it was, and the work goes on.
 */
class RebuildIT {

	@Test
	void damagedCasesComeBackFromTheTopicsAsTheyWereAndTheWorkGoesOn() {
		RunningSystem system = RunningSystem.shared();
		Gateway gateway = new Gateway(system);
		RestClient dm = gateway.as(gateway.account("rebuild.dm", "DM", Map.of()));
		RestClient supply = gateway
			.as(gateway.account("rebuild.supply", "DEPARTMENT_OFFICER", Map.of("department", "SUPPLY")));
		Map<String, String> items = new LinkedHashMap<>();
		for (int i = 0; i < 3; i++) {
			JsonNode receipt = gateway.submitted(
					Map.of("name", "पुनर्निर्माण परीक्षण", "mobile", "91234600" + (10 + i)), "चापाकल खराब " + i,
					"गाँव का चापाकल महीनों से खराब है।");
			items.put(receipt.get("receiptNumber").asString(), receipt.get("accessCode").asString());
		}
		List<String> numbers = List.copyOf(items.keySet());
		String worked = numbers.get(0);
		String marked = numbers.get(1);
		String waiting = numbers.get(2);
		Gateway.markWhenInInbox(dm, worked, "SUPPLY");
		Gateway.markWhenInInbox(dm, marked, "SUPPLY");
		await().atMost(Duration.ofSeconds(60))
			.until(() -> "MARKED".equals(gateway.trackedStatus(worked, items.get(worked)))
					&& "MARKED".equals(gateway.trackedStatus(marked, items.get(marked))));
		assertThat(supply.post()
			.uri("/api/v1/cases/" + worked + "/steps")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("step", "ACKNOWLEDGE"))
			.retrieve()
			.toBodilessEntity()
			.getStatusCode()
			.value()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> timeline(dm, waiting).size() == 1);
		Map<String, String> before = new LinkedHashMap<>();
		numbers.forEach((number) -> before.put(number, caseAsTheDmSeesIt(dm, number)));

		OperatorCommand.Output whileRunning = OperatorCommand.run(system, "rebuild", "tracking");
		assertThat(whileRunning.exit()).isEqualTo(1);
		assertThat(whileRunning.errors()).contains("stop it first");

		system.stop("tracking-service");
		try (MongoClient mongo = MongoClients.create(system.mongoUri())) {
			// damaged: one case gone, one wrong; the rest kept aside as they were
			MongoCollection<Document> cases = mongo.getDatabase("dak_tracking").getCollection("cases");
			cases.deleteOne(Filters.eq("_id", worked));
			cases.updateOne(Filters.eq("_id", marked), Updates.set("status", "DISPOSED"));
		}
		OperatorCommand.Output asked = OperatorCommand.run(system, "rebuild", "tracking");
		assertThat(asked.exit()).as(asked.errors()).isZero();
		system.restart("tracking-service");
		try (MongoClient mongo = MongoClients.create(system.mongoUri())) {
			assertThat(mongo.getDatabase("dak_tracking").listCollectionNames())
				.anyMatch((name) -> name.startsWith("cases_before_rebuild_"));
		}

		numbers.forEach((number) -> assertThat(caseAsTheDmSeesIt(dm, number)).as(number).isEqualTo(before.get(number)));
		items.forEach((number, code) -> assertThat(gateway.trackedStatus(number, code)).as(number)
			.isEqualTo((number.equals(waiting)) ? "RECEIVED" : (number.equals(worked)) ? "IN_PROGRESS" : "MARKED"));
		Gateway.markWhenInInbox(dm, waiting, "SUPPLY");
		await().atMost(Duration.ofSeconds(60))
			.until(() -> "MARKED".equals(gateway.trackedStatus(waiting, items.get(waiting))));
		assertThat(timeline(dm, waiting).findValuesAsString("status")).containsExactly("RECEIVED", "MARKED");
	}

	/**
	 * What the DM's desk shows of the case, but for the messages (they go on arriving).
	 */
	private static String caseAsTheDmSeesIt(RestClient dm, String number) {
		JsonNode item = dm.get().uri("/api/v1/cases/" + number).retrieve().body(JsonNode.class);
		return item.get("status").asString() + " " + item.get("departmentCode") + " " + item.get("dueDate") + " "
				+ item.get("timeline");
	}

	private static JsonNode timeline(RestClient dm, String number) {
		return dm.get().uri("/api/v1/cases/" + number).retrieve().body(JsonNode.class).get("timeline");
	}

}
