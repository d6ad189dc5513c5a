package org.dak.systemtest;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.dak.testsupport.Http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The walk-through (docs/walkthrough.md) with assertions at every step, step by step
 * through the gateway: the DM marks a batch, two departments work their items, the clock
 * moves on until a deadline passes and the item is escalated, and every item is tracked
 * publicly.
 */
class ReviewerWalkthroughIT {

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	private Gateway gateway;

	@Test
	void markABatchWorkItInTwoDepartmentsWatchADeadlinePassAndTrackEveryItem() {
		RunningSystem system = RunningSystem.shared();
		this.gateway = new Gateway(system);
		Gateway gateway = this.gateway;
		RestClient admin = gateway.as(gateway.admin());
		RestClient dm = gateway.as(gateway.account("walk.dm", "DM", Map.of()));
		RestClient supply = gateway
			.as(gateway.account("walk.supply", "DEPARTMENT_OFFICER", Map.of("department", "SUPPLY")));
		RestClient phed = gateway.as(gateway.account("walk.phed", "DEPARTMENT_OFFICER", Map.of("department", "PHED")));

		// 1. The DM's office adds a block office below the supply department.
		assertThat(Http
			.json(dm, HttpMethod.PUT, "/api/v1/departments/SUPPLY/offices/BLOCK_RAJGIR",
					Map.of("name", "Block Supply Office, Rajgir", "nameHi", "प्रखंड आपूर्ति कार्यालय, राजगीर",
							"officer", Map.of("name", "BSO Rajgir", "email", "bso.rajgir@dak.local")))
			.getStatusCode()
			.value()).isEqualTo(200);

		// 2. Three citizens file on the web.
		JsonNode ration = file("राशन कार्ड में नाम नहीं जुड़ा", "9812300001");
		JsonNode handPump = file("गाँव का हैंडपंप खराब", "9812300002");
		JsonNode dealer = file("राशन डीलर अनाज कम देता है", "9812300003");
		String rationId = ration.get("receiptNumber").asString();
		String handPumpId = handPump.get("receiptNumber").asString();
		String dealerId = dealer.get("receiptNumber").asString();
		for (String id : List.of(rationId, handPumpId, dealerId)) {
			await().atMost(PATIENCE).until(() -> status(dm, "/api/v1/inbox/" + id) == 200);
		}
		assertThat(dm.get()
			.uri("/api/v1/inbox/" + rationId)
			.retrieve()
			.body(JsonNode.class)
			.get("suggestedDepartment")
			.asString()).isEqualTo("SUPPLY");

		// 3. The DM marks the two ration items as a batch, with a copy to the welfare
		// office,
		// and the hand pump alone.
		JsonNode batch = Http.json(dm, HttpMethod.POST, "/api/v1/inbox/marking",
				Map.of("complaintIds", List.of(rationId, dealerId), "departmentCode", "SUPPLY", "instructions",
						"जाँच कर 15 दिन में प्रतिवेदन दें", "copyTo", List.of("SOCIAL_WELFARE")))
			.getBody();
		assertThat(batch.findValuesAsString("outcome")).containsExactly("MARKED", "MARKED");
		assertThat(Http
			.json(dm, HttpMethod.POST, "/api/v1/inbox/" + handPumpId + "/marking", Map.of("departmentCode", "PHED"))
			.getStatusCode()
			.value()).isEqualTo(200);

		// 4. Supply: acknowledge, forward to the block office, act with evidence,
		// dispose.
		await().atMost(PATIENCE).until(() -> status(supply, "/api/v1/cases/" + rationId) == 200);
		assertThat(step(supply, rationId, Map.of("step", "ACKNOWLEDGE")).getStatusCode().value()).isEqualTo(200);
		await().atMost(PATIENCE)
			.until(() -> step(supply, rationId,
					Map.of("step", "FORWARD", "officeCode", "BLOCK_RAJGIR", "note", "स्थल जाँच करें"))
				.getStatusCode()
				.value() == 200);
		MultiValueMap<String, HttpEntity<?>> action = new LinkedMultiValueMap<>();
		action.add("step", Http.jsonPart(Map.of("step", "ACTION_TAKEN", "note", "जाँच में नाम जोड़ने योग्य पाया गया")));
		action.add("evidence", Http.filePart("evidence", "inspection.pdf", MediaType.APPLICATION_PDF,
				"%PDF-1.4\n% inspection report\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		assertThat(supply.post()
			.uri("/api/v1/cases/" + rationId + "/steps")
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(action)
			.retrieve()
			.toEntity(JsonNode.class)
			.getStatusCode()
			.value()).isEqualTo(200);
		JsonNode disposed = Http
			.json(supply, HttpMethod.POST, "/api/v1/cases/" + rationId + "/status",
					Map.of("status", "DISPOSED", "note", "नाम जोड़ दिए गए; नया कार्ड प्रखंड कार्यालय से लें।"))
			.getBody();
		assertThat(disposed.get("status").asString()).isEqualTo("DISPOSED");
		assertThat(disposed.get("timeline").findValuesAsString("step")).contains("ACKNOWLEDGED", "FORWARDED",
				"ACTION_TAKEN");

		// 5. PHED: acknowledge and send the applicant an interim reply.
		await().atMost(PATIENCE).until(() -> status(phed, "/api/v1/cases/" + handPumpId) == 200);
		step(phed, handPumpId, Map.of("step", "ACKNOWLEDGE"));
		assertThat(step(phed, handPumpId, Map.of("step", "INTERIM_REPLY", "note", "मिस्त्री को भेजा गया है।"))
			.getStatusCode()
			.value()).isEqualTo(200);
		assertThat(status(phed, "/api/v1/cases/" + rationId)).as("another department's item").isEqualTo(404);

		// 6. Everyone tracks publicly with the receipt's code.
		JsonNode rationPublic = track(ration);
		assertThat(rationPublic.get("status").asString()).isEqualTo("DISPOSED");
		assertThat(rationPublic.toString()).contains("नाम जोड़ दिए गए").doesNotContain("9812300001", "स्थल जाँच");
		assertThat(track(handPump).toString()).contains("मिस्त्री को भेजा गया है।", "Interim reply");
		assertThat(track(dealer).get("statusEn").asString()).isEqualTo("Marked to department");

		// 7. Time passes: 40 days later the untouched dealer item is past its 21 working
		// days, and the DM sees it escalated; the hand pump (60 working days) is not.
		JsonNode clock = Http.json(admin, HttpMethod.POST, "/api/v1/demo/clock", Map.of("days", 40)).getBody();
		assertThat(clock.get("offsetDays").asLong()).isGreaterThanOrEqualTo(40);
		await().atMost(PATIENCE)
			.until(() -> dm.get().uri("/api/v1/inbox/" + dealerId).retrieve().body(JsonNode.class).has("escalatedAt"));
		JsonNode overdue = dm.get().uri("/api/v1/dashboard/overdue").retrieve().body(JsonNode.class);
		assertThat(overdue.toString()).contains(dealerId).doesNotContain(handPumpId);
		assertThat(supply.get().uri("/api/v1/cases?overdue=true&size=200").retrieve().body(JsonNode.class).toString())
			.contains(dealerId);

		// The operations view: what happened is counted.
		String tracking = metrics(system, "tracking-service");
		assertThat(tracking).containsPattern("dak_status_updates_total\\{[^}]*status=\"DISPOSED\"")
			.containsPattern("dak_status_updates_total\\{[^}]*status=\"IN_PROGRESS\",step=\"INTERIM_REPLY\"")
			.containsPattern("dak_deadline_breached_total\\{[^}]*department=\"SUPPLY\"")
			.containsPattern("dak_pending\\{[^}]*department=\"PHED\"");
		assertThat(metrics(system, "routing-service"))
			.containsPattern("dak_complaints_routed_total\\{[^}]*department=\"SUPPLY\"")
			.containsPattern("dak_complaints_escalated_total\\{[^}]*department=\"SUPPLY\"");

		// 8. The DM recalls the escalated item and marks it to the revenue section
		// instead.
		assertThat(Http
			.json(dm, HttpMethod.POST, "/api/v1/inbox/" + dealerId + "/recall",
					Map.of("reason", "आपूर्ति कार्यालय से वापस"))
			.getStatusCode()
			.value()).isEqualTo(200);
		await().atMost(PATIENCE).until(() -> status(supply, "/api/v1/cases/" + dealerId) == 404);
		assertThat(Http
			.json(dm, HttpMethod.POST, "/api/v1/inbox/" + dealerId + "/marking", Map.of("departmentCode", "REVENUE"))
			.getStatusCode()
			.value()).isEqualTo(200);
		await().atMost(PATIENCE)
			.until(() -> "REVENUE".equals(track(dealer).path("department").path("code").asString()));
	}

	private static String metrics(RunningSystem system, String service) {
		return Http.client(system.serviceUrl(service)).get().uri("/actuator/prometheus").retrieve().body(String.class);
	}

	private JsonNode file(String subject, String mobile) {
		return this.gateway.anonymous()
			.post()
			.uri("/api/v1/complaints")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("channel", "WEB", "applicant",
					Map.of("name", "सीता देवी", "mobile", mobile, "preferredLanguage", "hi"), "subject", subject,
					"description", subject + "। कृपया कार्रवाई करें।"))
			.retrieve()
			.body(JsonNode.class);
	}

	private JsonNode track(JsonNode receipt) {
		ResponseEntity<JsonNode>[] seen = new ResponseEntity[1];
		await().atMost(PATIENCE).until(() -> {
			seen[0] = this.gateway.anonymous()
				.get()
				.uri("/api/v1/public/track/{id}?code={code}", receipt.get("receiptNumber").asString(),
						receipt.get("accessCode").asString())
				.retrieve()
				.toEntity(JsonNode.class);
			return seen[0].getStatusCode().value() == 200;
		});
		return seen[0].getBody();
	}

	private static ResponseEntity<JsonNode> step(RestClient officer, String id, Map<String, String> step) {
		return Http.json(officer, HttpMethod.POST, "/api/v1/cases/" + id + "/steps", step);
	}

	private static int status(RestClient client, String path) {
		return client.get().uri(path).retrieve().toEntity(JsonNode.class).getStatusCode().value();
	}

}
