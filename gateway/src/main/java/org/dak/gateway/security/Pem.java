package org.dak.gateway.security;

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

import org.springframework.core.io.DefaultResourceLoader;

/**
 * Reads RSA keys from PEM files (a path, or a {@code classpath:}/{@code file:} location).
 */
final class Pem {

	private Pem() {
	}

	static RSAPrivateKey privateKey(String location) {
		try {
			return (RSAPrivateKey) KeyFactory.getInstance("RSA")
				.generatePrivate(new PKCS8EncodedKeySpec(der(location)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Not an RSA private key (PKCS#8 PEM): " + location, ex);
		}
	}

	static RSAPublicKey publicKey(String location) {
		try {
			return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der(location)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Not an RSA public key (PEM): " + location, ex);
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
