package org.dak.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;

/**
 * How every part of the system checks an access token and reads its keys: the same
 * validation (signature aside: expiry, issuer, audience) and the same role mapping at the
 * gateway and in each service.
 */
public final class Tokens {

	private Tokens() {
	}

	/** Expiry and not-before, the issuer, and the audience. */
	public static OAuth2TokenValidator<Jwt> validator(String issuer, String audience) {
		OAuth2TokenValidator<Jwt> audienceCheck = (
				jwt) -> (jwt.getAudience() != null && jwt.getAudience().contains(audience))
						? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult
							.failure(new OAuth2Error("invalid_token", "The token is not meant for this system", null));
		return new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer), audienceCheck);
	}

	/** The roles claim as {@code ROLE_*} authorities. */
	public static List<GrantedAuthority> authorities(Jwt jwt, String rolesClaim) {
		List<String> names = jwt.getClaimAsStringList(rolesClaim);
		return (names != null)
				? names.stream().map((name) -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + name)).toList()
				: List.of();
	}

	/** An RSA public key from a PEM file (a path, or a classpath:/file: location). */
	public static RSAPublicKey publicKey(String location) {
		try {
			return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der(location)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Not an RSA public key (PEM): " + location, ex);
		}
	}

	/** An RSA private key from a PKCS#8 PEM file. */
	public static RSAPrivateKey privateKey(String location) {
		try {
			return (RSAPrivateKey) KeyFactory.getInstance("RSA")
				.generatePrivate(new PKCS8EncodedKeySpec(der(location)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Not an RSA private key (PKCS#8 PEM): " + location, ex);
		}
	}

	private static byte[] der(String location) {
		String resolved = location.contains(":") ? location : "file:" + location;
		try (InputStream in = new DefaultResourceLoader().getResource(resolved).getInputStream()) {
			String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII).replaceAll("-----[A-Z ]+-----", "")
				.replaceAll("\\s", "");
			return Base64.getDecoder().decode(pem);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read key " + location, ex);
		}
	}

}
