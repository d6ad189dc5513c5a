package org.dak.gateway.security;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.dak.platform.Tokens;

/**
 * Signs short-lived access tokens: subject, roles, and the department, office or channel
 * the holder is bound to. Services trust these claims and nothing a client could set.
 */
public class TokenIssuer {

	private final RSASSASigner signer;

	private final TokenProperties properties;

	TokenIssuer(TokenProperties properties) {
		this.properties = properties;
		this.signer = new RSASSASigner(Tokens.privateKey(properties.privateKeyLocation()));
	}

	/** What a token says about its holder. */
	public record Subject(String username, List<String> roles, String department, String office, String channel) {
	}

	/** An access token for the subject, valid for the configured lifetime. */
	public String issue(Subject subject) {
		Instant now = Instant.now();
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(subject.username())
			.issuer(this.properties.issuer())
			.audience(this.properties.audience())
			.jwtID(UUID.randomUUID().toString())
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(this.properties.accessTokenTtl())))
			.claim(this.properties.rolesClaim(), subject.roles());
		if (subject.department() != null) {
			claims.claim("department", subject.department());
		}
		if (subject.office() != null) {
			claims.claim("office", subject.office());
		}
		if (subject.channel() != null) {
			claims.claim("channel", subject.channel());
		}
		SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims.build());
		try {
			jwt.sign(this.signer);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot sign a token", ex);
		}
		return jwt.serialize();
	}

	public long lifetimeSeconds() {
		return this.properties.accessTokenTtl().toSeconds();
	}

}
