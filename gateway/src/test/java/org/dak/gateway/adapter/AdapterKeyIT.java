package org.dak.gateway.adapter;

import java.util.Base64;
import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.dak.gateway.GatewayTestBase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class AdapterKeyIT extends GatewayTestBase {

	@Test
	void aKeyIsPassedOnAsATokenForItsChannelAndStopsWorkingTheMomentItIsRevoked() {
		services.stubFor(post(urlEqualTo("/api/v1/complaints")).willReturn(aResponse().withStatus(201)));
		String admin = adminToken();
		JsonNode issued = http(admin).post()
			.uri("/api/v1/admin/adapter-keys")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", "fax bridge", "channel", "FAX"))
			.retrieve()
			.body(JsonNode.class);
		String key = issued.get("key").asString();

		assertThat(submitWith(key).getStatusCode().value()).isEqualTo(201);
		LoggedRequest forwarded = services.findAll(postRequestedFor(urlEqualTo("/api/v1/complaints")))
			.stream()
			.reduce((first, second) -> second)
			.orElseThrow();
		assertThat(forwarded.containsHeader("X-Api-Key")).isFalse();
		String token = forwarded.getHeader("Authorization").substring("Bearer ".length());
		String claims = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
		assertThat(claims).contains("\"channel\":\"FAX\"").contains("CHANNEL_ADAPTER");

		assertThat(http(admin).delete()
			.uri("/api/v1/admin/adapter-keys/" + issued.get("id").asString())
			.retrieve()
			.toBodilessEntity()
			.getStatusCode()
			.value()).isEqualTo(204);
		ResponseEntity<JsonNode> revoked = submitWith(key);
		assertThat(revoked.getStatusCode().value()).isEqualTo(401);
		assertThat(revoked.getBody().get("type").asString()).isEqualTo("/problems/invalid-api-key");
	}

	@Test
	void anUnknownKeyIsRefusedAndOnlyTheAdministratorIssuesKeys() {
		assertThat(submitWith("daka_made-up").getStatusCode().value()).isEqualTo(401);
		String dm = account(unique("dm"), "DM", Map.of());
		assertThat(http(dm).post()
			.uri("/api/v1/admin/adapter-keys")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", "rogue", "channel", "EMAIL"))
			.retrieve()
			.toBodilessEntity()
			.getStatusCode()
			.value()).isEqualTo(403);
	}

	private ResponseEntity<JsonNode> submitWith(String key) {
		return http().post()
			.uri("/api/v1/complaints")
			.header("X-Api-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"channel\":\"FAX\"}")
			.retrieve()
			.toEntity(JsonNode.class);
	}

}
