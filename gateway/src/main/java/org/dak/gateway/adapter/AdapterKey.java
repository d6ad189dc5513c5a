package org.dak.gateway.adapter;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An adapter's API key, kept only as its SHA-256.
 *
 * @param id the key's ID (for listing and revoking)
 * @param name which bridge holds it
 * @param channel the one channel it may submit for
 * @param keyHash SHA-256 (hex) of the key
 * @param createdAt when it was issued
 * @param revokedAt when it was revoked, or {@code null}
 */
@Document("adapter_keys")
record AdapterKey(@Id String id, String name, String channel, @Indexed(unique = true) String keyHash, Instant createdAt,
		Instant revokedAt) {

	AdapterKeyView view() {
		return new AdapterKeyView(this.id, this.name, this.channel, this.createdAt, this.revokedAt);
	}

	record AdapterKeyView(String id, String name, String channel, Instant createdAt, Instant revokedAt) {
	}

}
