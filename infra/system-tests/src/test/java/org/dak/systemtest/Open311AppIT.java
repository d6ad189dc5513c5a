package org.dak.systemtest;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A civic app speaking Open311, through the gateway with its key: it finds the services,
 * reports a broken hand pump at a place with a photo; the DM and the department see where
 * and the photo link, and the app follows the report until it is closed.
 */
class Open311AppIT {

	@Test
	void aReportFromACivicAppIsSeenWithItsPlaceAndFollowedUntilClosed() {
		RunningSystem system = RunningSystem.shared();
		Gateway gateway = new Gateway(system);
		RestClient app = gateway.anonymous();
		RestClient dm = gateway.as(gateway.account("open311.dm", "DM", Map.of()));
		RestClient supply = gateway
			.as(gateway.account("open311.supply", "DEPARTMENT_OFFICER", Map.of("department", "SUPPLY")));
		String key = gateway.adapterKey("civic app", "WEB").get("key").asString();

		String discovery = app.get().uri("/open311/v2/discovery.xml").retrieve().body(String.class);
		JsonNode services = app.get().uri("/open311/v2/services.json").retrieve().body(JsonNode.class);
		ResponseEntity<String> reported = app.post()
			.uri("/open311/v2/requests.xml")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body("api_key=" + key + "&service_code=drinking-water&lat=25.1972&long=85.5231"
					+ "&address_string=%E0%A4%B5%E0%A4%BE%E0%A4%B0%E0%A5%8D%E0%A4%A1+4"
					+ "&media_url=https%3A%2F%2Fphotos.example.in%2Fpump.jpg&description=Hand+pump+broken")
			.retrieve()
			.toEntity(String.class);
		ResponseEntity<JsonNode> unknown = app.post()
			.uri("/open311/v2/requests.json")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body("service_code=astrology&lat=25.2&long=85.5")
			.retrieve()
			.toEntity(JsonNode.class);

		assertThat(discovery).contains("<url>").contains("/open311/v2</url>");
		assertThat(services.findValuesAsString("service_code")).contains("drinking-water");
		assertThat(reported.getStatusCode().value()).as(reported.getBody()).isEqualTo(200);
		String id = reported.getBody().replaceAll("(?s).*<service_request_id>([^<]+)<.*", "$1");
		assertThat(unknown.getStatusCode().value()).isEqualTo(404);
		assertThat(unknown.getBody().get(0).get("code").asInt()).isEqualTo(404);

		Gateway.markWhenInInbox(dm, id, "SUPPLY");
		await().atMost(Duration.ofSeconds(60))
			.until(() -> "open".equals(request(app, id).path("status").asString()) && !supply.get()
				.uri("/api/v1/cases/" + id)
				.retrieve()
				.body(JsonNode.class)
				.path("place")
				.isMissingNode());
		JsonNode asTheDepartmentSeesIt = supply.get().uri("/api/v1/cases/" + id).retrieve().body(JsonNode.class);
		JsonNode asTheDmSeesIt = dm.get().uri("/api/v1/cases/" + id).retrieve().body(JsonNode.class);
		for (JsonNode item : new JsonNode[] { asTheDepartmentSeesIt, asTheDmSeesIt }) {
			assertThat(item.get("place").get("latitude").asDouble()).isEqualTo(25.1972);
			assertThat(item.get("place").get("address").asString()).isEqualTo("वार्ड 4");
			assertThat(item.get("mediaUrl").asString()).isEqualTo("https://photos.example.in/pump.jpg");
		}
		JsonNode open = request(app, id);
		assertThat(open.get("media_url").asString()).isEqualTo("https://photos.example.in/pump.jpg");
		assertThat(open.get("agency_responsible").asString()).isNotBlank();

		assertThat(supply.post()
			.uri("/api/v1/cases/" + id + "/status")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("status", "DISPOSED", "note", "नया हैंडपंप लगा दिया गया"))
			.retrieve()
			.toBodilessEntity()
			.getStatusCode()
			.value()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(60))
			.until(() -> app.get()
				.uri("/open311/v2/requests.json?service_code=drinking-water&status=closed")
				.retrieve()
				.body(JsonNode.class)
				.findValuesAsString("service_request_id")
				.contains(id));
		assertThat(request(app, id).get("status_notes").asString()).contains("नया हैंडपंप लगा दिया गया");
	}

	private static JsonNode request(RestClient app, String id) {
		JsonNode answer = app.get().uri("/open311/v2/requests/" + id + ".json").retrieve().body(JsonNode.class);
		return (answer != null && answer.isArray() && !answer.isEmpty()) ? answer.get(0)
				: tools.jackson.databind.node.MissingNode.getInstance();
	}

}
