package org.dak.gateway.account;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Passwords are hashed at the configured cost, and hashes made at another cost (before
 * the setting changed) still let their owners sign in.
 */
class PasswordHashCostTest {

	private static PasswordEncoder atCost(int cost) {
		return new AccountConfiguration().passwordEncoder(new AccountProperties("admin", null, false, null,
				Duration.ofHours(12), 5, Duration.ofSeconds(30), Duration.ofHours(1), cost));
	}

	@Test
	void newHashesAreMadeAtTheConfiguredCost() {
		assertThat(atCost(4).encode("a-long-enough-password")).startsWith("{bcrypt}$2a$04$");
	}

	@Test
	void aPasswordHashedAtAnotherCostStillSignsIn() {
		String madeEarlier = "{bcrypt}" + new BCryptPasswordEncoder(6).encode("a-long-enough-password");

		assertThat(atCost(4).matches("a-long-enough-password", madeEarlier)).isTrue();
		assertThat(atCost(4).matches("another-password", madeEarlier)).isFalse();
	}

}
