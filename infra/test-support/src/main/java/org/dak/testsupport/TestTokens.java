package org.dak.testsupport;

import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.dak.platform.Tokens;

/**
 * Access tokens for tests, signed with the test-only key pair in this module
 * ({@code dak-test-jwt-*.pem}, never used outside tests), shaped as the gateway issues
 * them: issuer {@code dak-gateway}, audience {@code dak}, roles and bindings as claims.
 */
public final class TestTokens {

	/** Where the services under test find the public half. */
	public static final String PUBLIC_KEY_LOCATION = "classpath:dak-test-jwt-public.pem";

	private static final RSAPrivateKey KEY = Tokens.privateKey("classpath:dak-test-jwt-private.pem");

	private TestTokens() {
	}

	/** A valid token for a user with one role and optional bindings. */
	public static String token(String username, String role, Map<String, String> bindings) {
		return sign(username, List.of(role), bindings, "dak-gateway", "dak",
				Instant.now().plus(Duration.ofMinutes(10)));
	}

	public static String token(String username, String role) {
		return token(username, role, Map.of());
	}

	/** An officer of one department. */
	public static String officer(String department) {
		return token("officer." + department.toLowerCase(), "DEPARTMENT_OFFICER", Map.of("department", department));
	}

	/** An adapter for one channel. */
	public static String adapter(String channel) {
		return token("adapter." + channel.toLowerCase(), "CHANNEL_ADAPTER", Map.of("channel", channel));
	}

	public static String expired(String role) {
		return sign("late", List.of(role), Map.of(), "dak-gateway", "dak", Instant.now().minus(Duration.ofMinutes(5)));
	}

	public static String wrongAudience(String role) {
		return sign("elsewhere", List.of(role), Map.of(), "dak-gateway", "another-system",
				Instant.now().plus(Duration.ofMinutes(10)));
	}

	public static String wrongIssuer(String role) {
		return sign("elsewhere", List.of(role), Map.of(), "someone-else", "dak",
				Instant.now().plus(Duration.ofMinutes(10)));
	}

	/** A valid token whose payload was changed afterwards (here: roles raised to DM). */
	public static String tampered(String token) {
		String[] parts = token.split("\\.");
		String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
			.replaceFirst("\"roles\":\\[[^\\]]*\\]", "\"roles\":[\"DM\"]");
		return parts[0] + "."
				+ Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
				+ parts[2];
	}

	public static String bearer(String token) {
		return "Bearer " + token;
	}

	private static String sign(String subject, List<String> roles, Map<String, String> bindings, String issuer,
			String audience, Instant expiresAt) {
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(subject)
			.issuer(issuer)
			.audience(audience)
			.jwtID(UUID.randomUUID().toString())
			.issueTime(Date.from(expiresAt.minus(Duration.ofMinutes(15))))
			.expirationTime(Date.from(expiresAt))
			.claim("roles", roles);
		bindings.forEach(claims::claim);
		SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims.build());
		try {
			jwt.sign(new RSASSASigner(KEY));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

}
