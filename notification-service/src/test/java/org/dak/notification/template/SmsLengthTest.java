package org.dak.notification.template;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SmsLengthTest {

	@Test
	void englishGoesAsGsmSevenBit160InOneAnd153PerPart() {
		assertThat(SmsLength.of("a".repeat(160))).isEqualTo(new SmsLength("GSM-7", 160, 1));
		assertThat(SmsLength.of("a".repeat(161))).isEqualTo(new SmsLength("GSM-7", 161, 2));
		assertThat(SmsLength.of("a".repeat(306))).isEqualTo(new SmsLength("GSM-7", 306, 2));
		assertThat(SmsLength.of("a".repeat(307)).segments()).isEqualTo(3);
	}

	@Test
	void gsmExtensionCharactersCountTwice() {
		assertThat(SmsLength.of("{}[]").units()).isEqualTo(8);
		assertThat(SmsLength.of("€".repeat(80)).segments()).isEqualTo(1);
		assertThat(SmsLength.of("€".repeat(81)).segments()).isEqualTo(2);
	}

	@Test
	void devanagariGoesAsUcs2SeventyInOneAnd67PerPart() {
		String hindi = "आपका आवेदन प्राप्त हुआ";
		assertThat(SmsLength.of(hindi)).isEqualTo(new SmsLength("UCS-2", hindi.length(), 1));
		assertThat(SmsLength.of("क".repeat(70)).segments()).isEqualTo(1);
		assertThat(SmsLength.of("क".repeat(71)).segments()).isEqualTo(2);
		assertThat(SmsLength.of("क".repeat(134)).segments()).isEqualTo(2);
		assertThat(SmsLength.of("क".repeat(135)).segments()).isEqualTo(3);
	}

	@Test
	void oneHindiLetterTurnsAnEnglishTextIntoUcs2() {
		String mixed = "Receipt no. NAL-2026-000123-K पावती";

		assertThat(SmsLength.of(mixed).encoding()).isEqualTo("UCS-2");
		assertThat(SmsLength.of("Receipt no. NAL-2026-000123-K").encoding()).isEqualTo("GSM-7");
	}

}
