package org.dak.items.identity;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Receipt numbers such as {@code NAL-2026-000123-K}: district code, year, serial and a
 * check character (Luhn mod 36 over the other characters), so a mistyped number is
 * rejected instead of opening someone else's item. The check catches every single wrong
 * character and every swap of two neighbours.
 */
public final class ReceiptNumbers {

	private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

	private static final Pattern FORM = Pattern.compile("([A-Z]{3})-(\\d{4})-(\\d{6,9})-([0-9A-Z])");

	private ReceiptNumbers() {
	}

	/** The receipt number for a serial in a district and year. */
	public static String format(String districtCode, int year, long serial) {
		String body = "%s-%04d-%06d".formatted(districtCode, year, serial);
		return body + "-" + checkCharacter(body);
	}

	/**
	 * Whether the text is a well-formed receipt number with the right check character.
	 * Case and surrounding spaces are forgiven.
	 */
	public static boolean isValid(String text) {
		if (text == null) {
			return false;
		}
		Matcher matcher = FORM.matcher(normalise(text));
		if (!matcher.matches()) {
			return false;
		}
		String body = "%s-%s-%s".formatted(matcher.group(1), matcher.group(2), matcher.group(3));
		return checkCharacter(body) == matcher.group(4).charAt(0);
	}

	/**
	 * A receipt number taken apart.
	 *
	 * @param districtCode the district's three letters
	 * @param year the year it was received in
	 * @param serial its place in that year's count
	 */
	public record Parts(String districtCode, int year, long serial) {

		/** The receipt number of another serial in the same district and year. */
		public String withSerial(long other) {
			return format(this.districtCode, this.year, other);
		}

	}

	/** The parts of a valid receipt number, or nothing. */
	public static Optional<Parts> parse(String text) {
		if (!isValid(text)) {
			return Optional.empty();
		}
		Matcher matcher = FORM.matcher(normalise(text));
		matcher.matches();
		return Optional
			.of(new Parts(matcher.group(1), Integer.parseInt(matcher.group(2)), Long.parseLong(matcher.group(3))));
	}

	/** Upper case, no surrounding spaces. */
	public static String normalise(String text) {
		return text.strip().toUpperCase(Locale.ROOT);
	}

	static char checkCharacter(String body) {
		int n = ALPHABET.length();
		int sum = 0;
		boolean doubled = true;
		for (int i = body.length() - 1; i >= 0; i--) {
			int value = ALPHABET.indexOf(body.charAt(i));
			if (value < 0) {
				continue;
			}
			int addend = doubled ? value * 2 : value;
			sum += (addend / n) + (addend % n);
			doubled = !doubled;
		}
		return ALPHABET.charAt((n - (sum % n)) % n);
	}

}
