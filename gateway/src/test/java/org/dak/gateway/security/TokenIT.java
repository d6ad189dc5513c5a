package org.dak.gateway.security;

import java.time.Instant;
import java.util.List;

import org.dak.gateway.GatewayTestBase;
import org.dak.gateway.TestKeys;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenIT extends GatewayTestBase {

	@Test
	void expiredTamperedAndForeignTokensAreRefused() {
		String valid = TestKeys.token("dm", List.of("AUDITOR"), "dak", Instant.now().plusSeconds(600));
		String[] parts = valid.split("\\.");
		String raisedRoles = java.util.Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(new String(java.util.Base64.getUrlDecoder().decode(parts[1])).replace("AUDITOR", "ADMIN")
				.getBytes());
		List<String> refused = List.of(TestKeys.token("dm", List.of("ADMIN"), "dak", Instant.now().minusSeconds(60)),
				parts[0] + "." + raisedRoles + "." + parts[2],
				TestKeys.token("dm", List.of("ADMIN"), "another-system", Instant.now().plusSeconds(600)),
				"not.a.token");

		for (String token : refused) {
			assertThat(
					http(token).get().uri("/api/v1/admin/users").retrieve().toBodilessEntity().getStatusCode().value())
				.as(token)
				.isEqualTo(401);
		}
		assertThat(http(valid).get().uri("/api/v1/audit").retrieve().toBodilessEntity().getStatusCode().value())
			.isEqualTo(200);
	}

}
