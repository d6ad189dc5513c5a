package org.dak.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * An RSA key pair made once in a folder and kept there: the one the gateway signs access
 * tokens with (the services get the public half), so tokens survive a restart, and the
 * notification service's sealing pair (the services that seal get the public half).
 *
 * @param privateKey the private key, PKCS#8 PEM, readable by the owner only
 * @param publicKey the public key, PEM
 */
public record SigningKeys(Path privateKey, Path publicKey) {

	/** The token-signing pair in the folder, made first if it is not there. */
	public static SigningKeys in(Path folder) {
		return in(folder, "token-signing");
	}

	/** The pair of that name in the folder, made first if it is not there. */
	public static SigningKeys in(Path folder, String name) {
		Path privateKey = folder.resolve(name + "-private.pem");
		Path publicKey = folder.resolve(name + "-public.pem");
		if (!Files.exists(privateKey) || !Files.exists(publicKey)) {
			try {
				Files.createDirectories(folder);
				KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
				generator.initialize(2048);
				KeyPair pair = generator.generateKeyPair();
				Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
				Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
				try {
					Files.setPosixFilePermissions(privateKey, PosixFilePermissions.fromString("rw-------"));
				}
				catch (UnsupportedOperationException ex) {
					// not a POSIX file system: the folder's own protection applies
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return new SigningKeys(privateKey, publicKey);
	}

	private static String pem(String type, byte[] der) {
		return "-----BEGIN " + type + "-----\n"
				+ Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
				+ "\n-----END " + type + "-----\n";
	}

}
