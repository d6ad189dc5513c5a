package org.dak.gateway.edge;

import java.io.IOException;
import java.io.InputStream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's dak.* settings come with their metadata, so an IDE explains them while
 * application.yml is edited: each named, typed and described from its record's javadoc.
 */
class SettingsMetadataTest {

	@Test
	void theEdgesSettingsAreDescribedForAnIde() throws IOException {
		JsonNode metadata;
		try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(in).as("metadata made by spring-boot-configuration-processor").isNotNull();
			metadata = JsonMapper.builder().build().readTree(in);
		}

		JsonNode proxies = null;
		for (JsonNode property : metadata.get("properties")) {
			if (property.get("name").asString().equals("dak.gateway.trusted-proxies")) {
				proxies = property;
			}
		}
		assertThat(proxies).isNotNull();
		assertThat(proxies.get("description").asString()).contains("CIDR");
		assertThat(metadata.toString()).contains("dak.gateway.idle-upload-timeout", "dak.gateway.rate-limits.sign-in");
	}

}
