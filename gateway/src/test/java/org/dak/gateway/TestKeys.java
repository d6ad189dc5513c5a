package org.dak.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * A throw-away RSA key pair for one test run, written as PEM files for the gateway, and
 * tokens signed with it the way the gateway signs them (or deliberately not).
 */
public final class TestKeys {

	private static final KeyPair PAIR = generate();

	public static final Path PRIVATE_KEY = write("private", "PRIVATE KEY", PAIR.getPrivate().getEncoded());

	public static final Path PUBLIC_KEY = write("public", "PUBLIC KEY", PAIR.getPublic().getEncoded());

	private TestKeys() {
	}

	public static String token(String subject, List<String> roles, String audience, Instant expiresAt) {
		JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(subject)
			.issuer("dak-gateway")
			.audience(audience)
			.issueTime(Date.from(expiresAt.minusSeconds(900)))
			.expirationTime(Date.from(expiresAt))
			.claim("roles", roles)
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
		try {
			jwt.sign(new RSASSASigner((RSAPrivateKey) PAIR.getPrivate()));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

	private static KeyPair generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Path write(String name, String type, byte[] der) {
		try {
			Path file = Files.createTempFile("dak-test-" + name, ".pem");
			file.toFile().deleteOnExit();
			Files.writeString(file,
					"-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
							+ "\n-----END " + type + "-----\n");
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
