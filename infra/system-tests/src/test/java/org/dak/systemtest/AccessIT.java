package org.dak.systemtest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.dak.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Who may do what, checked the way an attacker would try it: through the gateway and,
 * past it, at a service directly.
 */
class AccessIT {

	static RunningSystem system;

	static Gateway gateway;

	static RestClient dm;

	@BeforeAll
	static void startTheSystem() {
		system = RunningSystem.shared();
		gateway = new Gateway(system);
		dm = gateway.as(gateway.account("access.dm", "DM", Map.of()));
	}

	@Test
	void departmentAsOfficerCannotReadListUpdateOrPrintDepartmentBsItemsByAnyEndpointOrGuessedId() {
		String supplyItem = submittedAndMarkedTo("SUPPLY");
		RestClient police = gateway
			.as(gateway.account("access.police", "DEPARTMENT_OFFICER", Map.of("department", "POLICE")));

		assertThat(status(police.get().uri("/api/v1/cases/" + supplyItem))).isEqualTo(404);
		assertThat(status(police.get().uri("/api/v1/cases?department=SUPPLY"))).isEqualTo(403);
		assertThat(police.get().uri("/api/v1/cases?size=200").retrieve().body(String.class)).doesNotContain(supplyItem);
		assertThat(status(police.post()
			.uri("/api/v1/cases/" + supplyItem + "/status")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("status", "IN_PROGRESS")))).isEqualTo(404);
		assertThat(status(police.get().uri("/api/v1/complaints/" + supplyItem + "/receipt"))).isEqualTo(403);
		assertThat(status(police.get().uri("/api/v1/complaints/" + supplyItem + "/qr.png"))).isEqualTo(403);
		assertThat(status(police.get().uri("/api/v1/inbox/" + supplyItem))).isEqualTo(403);
		assertThat(status(police.get().uri("/api/v1/notifications?complaintId=" + supplyItem))).isEqualTo(403);
		String neighbour = supplyItem.substring(0, 9) + "000001-" + supplyItem.charAt(supplyItem.length() - 1);
		assertThat(status(police.get().uri("/api/v1/cases/" + neighbour))).isEqualTo(404);
	}

	@Test
	void theScannedLetterFollowsTheItemToTheDepartmentItIsMarkedToAndLeavesWithARecall() {
		RestClient desk = gateway.as(gateway.account("access.desk", "RECEIPT_DESK", Map.of()));
		RestClient supply = gateway
			.as(gateway.account("access.supply", "DEPARTMENT_OFFICER", Map.of("department", "SUPPLY")));
		RestClient police = gateway
			.as(gateway.account("access.police", "DEPARTMENT_OFFICER", Map.of("department", "POLICE")));
		String id = Gateway.registerWithScan(desk, AccessMatrixIT.complaint("POST"), "letter.pdf");
		assertThat(status(supply.get().uri("/api/v1/complaints/" + id + "/attachments"))).as("not marked yet")
			.isEqualTo(404);

		Gateway.markWhenInInbox(dm, id, "SUPPLY");
		await().atMost(Duration.ofSeconds(60))
			.until(() -> status(supply.get().uri("/api/v1/complaints/" + id + "/attachments")) == 200);
		JsonNode files = supply.get().uri("/api/v1/complaints/" + id + "/attachments").retrieve().body(JsonNode.class);
		assertThat(files.findValuesAsString("filename")).containsExactly("letter.pdf");
		String file = files.get(0).get("id").asString();
		assertThat(supply.get().uri("/api/v1/complaints/" + id + "/attachments/" + file).retrieve().body(byte[].class))
			.isEqualTo(FaultSuiteIT.PDF);
		assertThat(status(police.get().uri("/api/v1/complaints/" + id + "/attachments"))).isEqualTo(404);
		assertThat(status(police.get().uri("/api/v1/complaints/" + id + "/attachments/" + file))).isEqualTo(404);

		dm.post()
			.uri("/api/v1/inbox/" + id + "/recall")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("reason", "wrong department"))
			.retrieve()
			.toBodilessEntity();
		await().atMost(Duration.ofSeconds(60))
			.until(() -> status(supply.get().uri("/api/v1/complaints/" + id + "/attachments/" + file)) == 404);
	}

	@Test
	void guessingReceiptNumbersGivesOnlyNotFoundsAndThenTooManyRequests() {
		Gateway prober = new Gateway(system);
		// the gateway counts in windows of a minute on the clock: begin early in one
		await().atMost(Duration.ofSeconds(20)).until(() -> System.currentTimeMillis() % 60_000 < 45_000);
		List<Integer> statuses = new ArrayList<>();
		for (int serial = 1; serial <= 40; serial++) {
			statuses.add(status(prober.anonymous()
				.get()
				.uri("/api/v1/public/track/NAL-2026-%06d-%s?code=AAAABBBBCCCCDDDD".formatted(serial,
						"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".charAt(serial % 36)))));
		}

		assertThat(statuses.subList(0, 30)).containsOnly(404);
		assertThat(statuses.subList(30, 40)).containsOnly(429);
	}

	@Test
	void expiredTamperedAndForeignTokensAreRefusedByTheGatewayAndByAServiceCalledDirectly() {
		RestClient tracking = RestClient.builder()
			.baseUrl(system.serviceUrl("tracking-service"))
			.defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
			})
			.build();
		List<String> refused = List.of(TestTokens.expired("DM"), TestTokens.tampered(TestTokens.officer("SUPPLY")),
				TestTokens.wrongAudience("DM"), TestTokens.wrongIssuer("DM"));

		for (String token : refused) {
			assertThat(status(gateway.as(token).get().uri("/api/v1/cases?department=SUPPLY"))).as(token).isEqualTo(401);
			assertThat(status(tracking.get()
				.uri("/api/v1/cases?department=SUPPLY")
				.header("Authorization", TestTokens.bearer(token)))).as(token).isEqualTo(401);
		}
		assertThat(status(tracking.get().uri("/api/v1/cases?department=SUPPLY"))).isEqualTo(401);
		assertThat(status(tracking.get()
			.uri("/api/v1/cases?department=SUPPLY")
			.header("X-User-Roles", "DM")
			.header("X-Department", "SUPPLY"))).as("headers a client could set are not trusted").isEqualTo(401);
	}

	@Test
	void anAdapterKeyWorksForItsOwnChannelOnlyAndStopsTheMomentItIsRevoked() {
		JsonNode issued = gateway.adapterKey("access mail bridge", "EMAIL");
		RestClient bridge = gateway.withKey(issued.get("key").asString());

		assertThat(status(submit(bridge, "EMAIL"))).isEqualTo(201);
		assertThat(status(submit(bridge, "FAX"))).isEqualTo(403);
		assertThat(status(
				gateway.as(gateway.admin()).delete().uri("/api/v1/admin/adapter-keys/" + issued.get("id").asString())))
			.isEqualTo(204);
		assertThat(status(submit(bridge, "EMAIL"))).isEqualTo(401);
	}

	private static RestClient.RequestHeadersSpec<?> submit(RestClient client, String channel) {
		return client.post()
			.uri("/api/v1/complaints")
			.contentType(MediaType.APPLICATION_JSON)
			.body(AccessMatrixIT.complaint(channel));
	}

	private static String submittedAndMarkedTo(String department) {
		String id = gateway.anonymous()
			.post()
			.uri("/api/v1/complaints")
			.contentType(MediaType.APPLICATION_JSON)
			.body(AccessMatrixIT.complaint("WEB"))
			.retrieve()
			.body(JsonNode.class)
			.get("receiptNumber")
			.asString();
		Gateway.markWhenInInbox(dm, id, department);
		await().atMost(Duration.ofSeconds(60))
			.until(() -> dm.get().uri("/api/v1/cases/" + id).retrieve().body(String.class).contains("\"MARKED\""));
		return id;
	}

	private static int status(RestClient.RequestHeadersSpec<?> request) {
		return request.retrieve().toBodilessEntity().getStatusCode().value();
	}

}
