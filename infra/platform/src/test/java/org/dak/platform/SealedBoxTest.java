package org.dak.platform;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SealedBoxTest {

	private final KeyPair reader = pair();

	private final KeyPair other = pair();

	@Test
	void onlyTheReaderOpensWhatWasSealedForIt() {
		String sealed = SealedBox.seal("8ABA-V19Z-ZGYX-RVRM", (RSAPublicKey) this.reader.getPublic());

		assertThat(sealed).startsWith("v1.").doesNotContain("8ABA").doesNotContain("V19Z");
		assertThat(SealedBox.open(sealed, (RSAPrivateKey) this.reader.getPrivate())).isEqualTo("8ABA-V19Z-ZGYX-RVRM");
		assertThatThrownBy(() -> SealedBox.open(sealed, (RSAPrivateKey) this.other.getPrivate()))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void theSameTextSealsDifferentlyEachTimeAndAnAlteredBoxDoesNotOpen() {
		RSAPublicKey key = (RSAPublicKey) this.reader.getPublic();
		String first = SealedBox.seal("123456", key);
		String second = SealedBox.seal("123456", key);
		// a character inside the cipher text (the last one may carry only padding bits)
		int at = first.length() - 5;
		String altered = first.substring(0, at) + ((first.charAt(at) == 'A') ? 'B' : 'A') + first.substring(at + 1);

		assertThat(first).isNotEqualTo(second);
		assertThatThrownBy(() -> SealedBox.open(altered, (RSAPrivateKey) this.reader.getPrivate()))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> SealedBox.open("not sealed", (RSAPrivateKey) this.reader.getPrivate()))
			.isInstanceOf(IllegalArgumentException.class);
	}

	private static KeyPair pair() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
