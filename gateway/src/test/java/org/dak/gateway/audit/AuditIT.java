package org.dak.gateway.audit;

import java.util.Map;

import org.dak.gateway.GatewayTestBase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class AuditIT extends GatewayTestBase {

	@Test
	void everyStateChangingCallAndSignInIsOnTheTrailForTheAuditorOnly() {
		String username = unique("desk");
		String desk = account(username, "RECEIPT_DESK", Map.of());
		http(desk).post()
			.uri("/api/v1/auth/password")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("currentPassword", "wrong", "newPassword", "another-long-password"))
			.retrieve()
			.toBodilessEntity();
		String auditor = account(unique("auditor"), "AUDITOR", Map.of());

		await().untilAsserted(() -> {
			JsonNode trail = http(auditor).get().uri("/api/v1/audit?actor=" + username).retrieve().body(JsonNode.class);
			assertThat(trail.findValuesAsString("action")).contains("POST /api/v1/auth/password", "SIGN_IN");
			assertThat(trail.findValuesAsString("outcome")).contains("422", "SUCCESS");
			assertThat(trail.findValuesAsString("clientAddress")).contains(this.clientAddress);
		});
		assertThat(http(desk).get().uri("/api/v1/audit").retrieve().toBodilessEntity().getStatusCode().value())
			.isEqualTo(403);
		assertThat(http(adminToken()).get().uri("/api/v1/audit").retrieve().toBodilessEntity().getStatusCode().value())
			.isEqualTo(403);
	}

}
