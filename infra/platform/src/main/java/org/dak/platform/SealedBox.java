package org.dak.platform;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;

/**
 * A secret sealed for one reader: anyone with the reader's RSA public key can seal, only
 * the holder of its private key can open. A fresh AES-256-GCM key encrypts the text and
 * RSA-OAEP (SHA-256) wraps that key; the result is
 * {@code v1.<wrapped key>.<nonce>.<cipher
 * text>} in URL-safe Base64. Used to put on a topic what only the service that sends it
 * to the applicant may read (an access code, a one-time code).
 */
public final class SealedBox {

	private static final String PREFIX = "v1.";

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final OAEPParameterSpec OAEP = new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256,
			PSource.PSpecified.DEFAULT);

	private SealedBox() {
	}

	public static String seal(String text, RSAPublicKey reader) {
		try {
			KeyGenerator generator = KeyGenerator.getInstance("AES");
			generator.init(256, RANDOM);
			SecretKey key = generator.generateKey();
			byte[] nonce = new byte[12];
			RANDOM.nextBytes(nonce);
			Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
			aes.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
			byte[] sealed = aes.doFinal(text.getBytes(StandardCharsets.UTF_8));
			Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
			rsa.init(Cipher.ENCRYPT_MODE, reader, OAEP);
			byte[] wrapped = rsa.doFinal(key.getEncoded());
			Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
			return PREFIX + base64.encodeToString(wrapped) + "." + base64.encodeToString(nonce) + "."
					+ base64.encodeToString(sealed);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot seal", ex);
		}
	}

	/**
	 * Opens a sealed text.
	 * @throws IllegalArgumentException if it is not sealed for this key, or was altered
	 */
	public static String open(String sealed, RSAPrivateKey reader) {
		String[] parts = (sealed != null && sealed.startsWith(PREFIX)) ? sealed.substring(PREFIX.length()).split("\\.")
				: new String[0];
		if (parts.length != 3) {
			throw new IllegalArgumentException("Not a sealed text");
		}
		try {
			Base64.Decoder base64 = Base64.getUrlDecoder();
			Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
			rsa.init(Cipher.DECRYPT_MODE, reader, OAEP);
			SecretKey key = new SecretKeySpec(rsa.doFinal(base64.decode(parts[0])), "AES");
			Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
			aes.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, base64.decode(parts[1])));
			return new String(aes.doFinal(base64.decode(parts[2])), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalArgumentException("Cannot open this sealed text with this key", ex);
		}
	}

}
