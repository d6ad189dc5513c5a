package org.dak.items.identity;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReceiptNumbersTest {

	@Test
	void formatsDistrictYearSerialAndCheckCharacter() {
		String number = ReceiptNumbers.format("NAL", 2026, 123);

		assertThat(number).matches("NAL-2026-000123-[0-9A-Z]");
		assertThat(ReceiptNumbers.isValid(number)).isTrue();
	}

	@Test
	void forgivesCaseAndSpaces() {
		String number = ReceiptNumbers.format("NAL", 2026, 7);

		assertThat(ReceiptNumbers.isValid("  " + number.toLowerCase() + " ")).isTrue();
	}

	@Test
	void rejectsEverySingleMistypedCharacter() {
		String number = ReceiptNumbers.format("NAL", 2026, 4711);
		String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
		int accepted = 0;
		for (int i = 0; i < number.length(); i++) {
			if (number.charAt(i) == '-') {
				continue;
			}
			for (char c : alphabet.toCharArray()) {
				if (c != number.charAt(i)) {
					String typo = number.substring(0, i) + c + number.substring(i + 1);
					accepted += ReceiptNumbers.isValid(typo) ? 1 : 0;
				}
			}
		}
		assertThat(accepted).isZero();
	}

	@Test
	void rejectsSwappedNeighbouringDigits() {
		String number = ReceiptNumbers.format("NAL", 2026, 123456);
		String swapped = number.replace("123456", "213456");

		assertThat(ReceiptNumbers.isValid(swapped)).isFalse();
	}

	@Test
	void rejectsMalformedText() {
		assertThat(ReceiptNumbers.isValid(null)).isFalse();
		assertThat(ReceiptNumbers.isValid("")).isFalse();
		assertThat(ReceiptNumbers.isValid("NAL-2026-12-K")).isFalse();
		assertThat(ReceiptNumbers.isValid("'; drop table complaints; --")).isFalse();
	}

}
