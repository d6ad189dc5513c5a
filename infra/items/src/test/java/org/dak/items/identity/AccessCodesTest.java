package org.dak.items.identity;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AccessCodesTest {

	@Test
	void codesCarryEightyRandomBitsInCrockfordBase32() {
		Set<String> codes = new HashSet<>();
		for (int i = 0; i < 10_000; i++) {
			String code = AccessCodes.generate();
			assertThat(code).matches("[0-9A-HJKMNP-TV-Z]{16}");
			codes.add(code);
		}
		assertThat(codes).hasSize(10_000);
	}

	@Test
	void aCodeTypedWithHyphensLowerCaseOrLookAlikeLettersStillMatches() {
		String code = "7QK3M9ZD2XWA4H10";
		String hash = AccessCodes.hash(code);

		assertThat(AccessCodes.matches(AccessCodes.grouped(code), hash)).isTrue();
		assertThat(AccessCodes.matches("7qk3-m9zd-2xwa-4hlo", hash)).isTrue();
		assertThat(AccessCodes.matches("7QK3M9ZD2XWA4H11", hash)).isFalse();
	}

	@Test
	void nothingMatchesAnUnknownItem() {
		assertThat(AccessCodes.matches("7QK3M9ZD2XWA4H10", null)).isFalse();
		assertThat(AccessCodes.matches(null, AccessCodes.hash("7QK3M9ZD2XWA4H10"))).isFalse();
	}

}
