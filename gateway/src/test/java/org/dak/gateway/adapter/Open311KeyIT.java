package org.dak.gateway.adapter;

import java.util.Base64;
import java.util.Map;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.dak.gateway.GatewayTestBase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An Open311 app sends its key the standard's way, as {@code api_key}, and reads the
 * standard's errors, also when the gateway itself refuses or a service is down.
 */
class Open311KeyIT extends GatewayTestBase {

	@Test
	void anAppsKeyInTheFormOrTheQueryIsPassedOnAsATokenAndGoesNoFurther() {
		services.stubFor(post(urlEqualTo("/open311/v2/requests.json"))
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("[]")));
		services.stubFor(get(urlPathEqualTo("/open311/v2/requests.xml"))
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody("<x/>")));
		String key = issuedKey("civic app");

		ResponseEntity<String> posted = http().post()
			.uri("/open311/v2/requests.json")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body("service_code=road&api_key=" + key
					+ "&address_string=%E0%A4%B5%E0%A4%BE%E0%A4%B0%E0%A5%8D%E0%A4%A1+4")
			.retrieve()
			.toEntity(String.class);
		ResponseEntity<String> listed = http().get()
			.uri("/open311/v2/requests.xml?status=open&api_key=" + key)
			.retrieve()
			.toEntity(String.class);

		assertThat(posted.getStatusCode().value()).isEqualTo(200);
		LoggedRequest form = last(postRequestedFor(urlEqualTo("/open311/v2/requests.json")));
		assertThat(form.getBodyAsString())
			.isEqualTo("service_code=road&address_string=%E0%A4%B5%E0%A4%BE%E0%A4%B0%E0%A5%8D%E0%A4%A1+4");
		assertThat(claims(form)).contains("\"sub\":\"adapter:civic app\"").contains("CHANNEL_ADAPTER");
		assertThat(listed.getStatusCode().value()).isEqualTo(200);
		LoggedRequest query = last(getRequestedFor(urlPathEqualTo("/open311/v2/requests.xml")));
		assertThat(query.getUrl()).isEqualTo("/open311/v2/requests.xml?status=open");
		assertThat(claims(query)).contains("\"sub\":\"adapter:civic app\"");
	}

	@Test
	void theThreeClientWithoutAKeyPostsAnonymously() {
		services.stubFor(post(urlEqualTo("/open311/v2/requests.json")).willReturn(aResponse().withStatus(201)
			.withHeader("Content-Type", "application/json")
			.withBody("[{\"service_request_id\":\"DM-LKO/2026/000042\"}]")));
		services.stubFor(get(urlPathEqualTo("/open311/v2/requests.json"))
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("[]")));

		// as Code for America's three (Python requests) posts it when it has no key: its
		// form in the order it builds it, the key last and empty
		ResponseEntity<String> posted = http().post()
			.uri("/open311/v2/requests.json")
			.header("User-Agent", "python-requests/2.31.0")
			.header("Accept", "*/*")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body("phone=555-5555&description=My+issue+description.&service_code=033"
					+ "&address_string=123+Any+St&first_name=Zach&last_name=Williams&api_key=")
			.retrieve()
			.toEntity(String.class);
		ResponseEntity<String> listed = http().get()
			.uri("/open311/v2/requests.json?service_code=033&api_key=")
			.retrieve()
			.toEntity(String.class);

		assertThat(posted.getStatusCode().value()).isEqualTo(201);
		LoggedRequest form = last(postRequestedFor(urlEqualTo("/open311/v2/requests.json")));
		assertThat(form.getBodyAsString()).isEqualTo("phone=555-5555&description=My+issue+description.&service_code=033"
				+ "&address_string=123+Any+St&first_name=Zach&last_name=Williams");
		assertThat(form.containsHeader("Authorization")).as("anonymous, as without the parameter").isFalse();
		assertThat(listed.getStatusCode().value()).isEqualTo(200);
		LoggedRequest query = last(getRequestedFor(urlPathEqualTo("/open311/v2/requests.json")));
		assertThat(query.getUrl()).isEqualTo("/open311/v2/requests.json?service_code=033");
		assertThat(query.containsHeader("Authorization")).isFalse();
	}

	@Test
	void aBadKeyIsTheStandards403InTheFormAsked() {
		ResponseEntity<JsonNode> inForm = http().post()
			.uri("/open311/v2/requests.json")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body("service_code=road&api_key=daka_made-up&lat=25.2&long=85.5")
			.retrieve()
			.toEntity(JsonNode.class);
		ResponseEntity<String> inQuery = http().get()
			.uri("/open311/v2/requests.xml?api_key=daka_made-up")
			.retrieve()
			.toEntity(String.class);

		assertThat(inForm.getStatusCode().value()).isEqualTo(403);
		assertThat(inForm.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
		assertThat(inForm.getBody().get(0).get("code").asInt()).isEqualTo(403);
		assertThat(inForm.getBody().get(0).get("description").asString()).contains("api_key");
		assertThat(inQuery.getStatusCode().value()).isEqualTo(403);
		assertThat(inQuery.getBody()).contains("<errors><error><code>403</code><description>");
	}

	@Test
	void aServiceNotAnsweringIsTheStandards503() {
		services.stubFor(get(urlEqualTo("/open311/v2/services/road.xml"))
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

		ResponseEntity<String> response = http().get()
			.uri("/open311/v2/services/road.xml")
			.retrieve()
			.toEntity(String.class);

		assertThat(response.getStatusCode().value()).isEqualTo(503);
		assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_XML)).isTrue();
		assertThat(response.getBody()).contains("<errors><error><code>503</code><description>The intake service");
	}

	private String issuedKey(String name) {
		return http(adminToken()).post()
			.uri("/api/v1/admin/adapter-keys")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", name, "channel", "WEB"))
			.retrieve()
			.body(JsonNode.class)
			.get("key")
			.asString();
	}

	private static LoggedRequest last(com.github.tomakehurst.wiremock.matching.RequestPatternBuilder pattern) {
		return services.findAll(pattern).stream().reduce((first, second) -> second).orElseThrow();
	}

	private static String claims(LoggedRequest request) {
		String token = request.getHeader("Authorization").substring("Bearer ".length());
		return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
	}

}
