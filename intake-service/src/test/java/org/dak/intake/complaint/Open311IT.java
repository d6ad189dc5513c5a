package org.dak.intake.complaint;

import org.dak.testsupport.Http;
import org.dak.testsupport.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

@ServiceIntegrationTest
class Open311IT {

	@LocalServerPort
	int port;

	@Test
	void civicAppsListTheServicesInGeoReportShape() {
		JsonNode services = Http.local(this.port)
			.get()
			.uri("/open311/v2/services.json")
			.retrieve()
			.body(JsonNode.class);

		assertThat(services.isArray()).isTrue();
		for (JsonNode service : services) {
			assertThat(service.propertyNames()).contains("service_code", "service_name", "description", "metadata",
					"type", "keywords", "group");
			assertThat(service.get("type").asString()).isEqualTo("realtime");
		}
		assertThat(services.findValuesAsString("service_code")).contains("ration-card", "drinking-water");
	}

	@Test
	void aGeoReportRequestBecomesAWebItemWhoseIdCarriesItsCode() {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("service_code", "drinking-water");
		form.add("description", "वार्ड 4 का हैंडपंप खराब है");
		form.add("first_name", "सीता");
		form.add("last_name", "देवी");
		form.add("phone", "+91 97000 11122");

		ResponseEntity<JsonNode> response = Http.local(this.port)
			.post()
			.uri("/open311/v2/requests.json")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(form)
			.retrieve()
			.toEntity(JsonNode.class);
		ResponseEntity<JsonNode> unknownService = Http.local(this.port)
			.post()
			.uri("/open311/v2/requests.json")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(new LinkedMultiValueMap<>(java.util.Map.of("service_code", java.util.List.of("astrology"),
					"description", java.util.List.of("x"))))
			.retrieve()
			.toEntity(JsonNode.class);

		assertThat(response.getStatusCode().value()).isEqualTo(200);
		String id = response.getBody().get(0).get("service_request_id").asString();
		assertThat(id).matches("NAL-\\d{4}-\\d{6}-[0-9A-Z]~[0-9A-Z]{16}");
		assertThat(response.getBody().get(0).get("service_notice").asString()).contains(id.split("~")[0]);
		assertThat(unknownService.getStatusCode().value()).isEqualTo(400);
	}

}
