package org.dak.gateway.account;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A refresh token, kept only as its SHA-256. Each use replaces it with a new one; using a
 * replaced one again revokes all of the account's tokens (it was probably stolen).
 *
 * @param tokenHash SHA-256 (hex) of the token
 * @param username whose
 * @param expiresAt when it stops working
 * @param revokedAt when it was used up or revoked, or {@code null}
 */
@Document("refresh_tokens")
record RefreshToken(@Id String tokenHash, @Indexed String username, Instant expiresAt, Instant revokedAt) {
}
