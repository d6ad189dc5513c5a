package org.dak.support.seal;

import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;

import org.dak.platform.SealedBox;
import org.dak.platform.Tokens;

/**
 * Seals secrets for the notification service (the one that sends them to applicants) with
 * its public key ({@code DAK_SEAL_PUBLIC_KEY}), and, in that service alone, opens them
 * with its private key ({@code DAK_SEAL_PRIVATE_KEY}). No other service holds that key,
 * so a secret sealed on a topic is readable by no other reader of the topic.
 */
public class Sealing {

	private final RSAPublicKey publicKey;

	private final RSAPrivateKey privateKey;

	Sealing(SealProperties properties) {
		this.publicKey = present(properties.publicKeyLocation()) ? Tokens.publicKey(properties.publicKeyLocation())
				: null;
		this.privateKey = present(properties.privateKeyLocation()) ? Tokens.privateKey(properties.privateKeyLocation())
				: null;
	}

	private static boolean present(String location) {
		return location != null && !location.isBlank();
	}

	/** Fails at start-up, naming the setting, where this service must seal. */
	public Sealing requireSealing() {
		if (this.publicKey == null) {
			throw new IllegalStateException(
					"Set DAK_SEAL_PUBLIC_KEY: the notification service's sealing public key (PEM), "
							+ "so that access codes never travel in clear on a topic");
		}
		return this;
	}

	/**
	 * Fails at start-up, naming the setting, where this service must open sealed secrets.
	 */
	public Sealing requireOpening() {
		if (this.privateKey == null) {
			throw new IllegalStateException(
					"Set DAK_SEAL_PRIVATE_KEY: the sealing private key (PKCS#8 PEM) only the notification service holds");
		}
		return this;
	}

	public String seal(String secret) {
		return SealedBox.seal(secret, requireSealing().publicKey);
	}

	/**
	 * Opens a sealed secret.
	 * @throws IllegalArgumentException if it was not sealed for this service's key
	 */
	public String open(String sealed) {
		return SealedBox.open(sealed, requireOpening().privateKey);
	}

}
