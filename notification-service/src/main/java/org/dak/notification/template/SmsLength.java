package org.dak.notification.template;

/**
 * How long an SMS is, as operators count it: texts in the GSM 7-bit alphabet take 160
 * characters in one message and 153 per part when split; anything else (Devanagari, for
 * one) goes as UCS-2, 70 in one message and 67 per part. GSM extension characters
 * ({@code ^ { } \ [ ~ ] | €}) count twice.
 *
 * @param encoding {@code GSM-7} or {@code UCS-2}
 * @param units characters as counted for the encoding
 * @param segments messages the text is sent (and billed) as
 */
public record SmsLength(String encoding, int units, int segments) {

	private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
			+ "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

	private static final String GSM_EXTENSION = "^{}\\[~]|€\f";

	public static SmsLength of(String text) {
		int gsmUnits = 0;
		boolean gsm = true;
		for (int i = 0; i < text.length() && gsm; i++) {
			char c = text.charAt(i);
			if (GSM_BASIC.indexOf(c) >= 0) {
				gsmUnits++;
			}
			else if (GSM_EXTENSION.indexOf(c) >= 0) {
				gsmUnits += 2;
			}
			else {
				gsm = false;
			}
		}
		if (gsm) {
			return new SmsLength("GSM-7", gsmUnits, segments(gsmUnits, 160, 153));
		}
		// UCS-2 counts UTF-16 code units: a character outside the BMP takes two
		int units = text.length();
		return new SmsLength("UCS-2", units, segments(units, 70, 67));
	}

	private static int segments(int units, int single, int perPart) {
		if (units == 0) {
			return 1;
		}
		return (units <= single) ? 1 : (units + perPart - 1) / perPart;
	}

}
