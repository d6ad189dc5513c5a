package org.dak.items.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Access codes: 80 random bits written as 16 Crockford Base32 characters (no I, L, O or
 * U, so they are easy to read out and type). Printed on the receipt in groups of four;
 * tracking needs the receipt number and this code. Only its SHA-256 leaves this service.
 */
public final class AccessCodes {

	private static final String CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

	private static final SecureRandom random = new SecureRandom();

	private static final String UNKNOWN = "0".repeat(64);

	private AccessCodes() {
	}

	/** A fresh code of 80 random bits, e.g. {@code 7QK3M9ZD2XWA4HPR}. */
	public static String generate() {
		byte[] bits = new byte[10];
		random.nextBytes(bits);
		StringBuilder code = new StringBuilder(16);
		long high = 0;
		for (int i = 0; i < 5; i++) {
			high = (high << 8) | (bits[i] & 0xFF);
		}
		long low = 0;
		for (int i = 5; i < 10; i++) {
			low = (low << 8) | (bits[i] & 0xFF);
		}
		for (long half : new long[] { high, low }) {
			for (int shift = 35; shift >= 0; shift -= 5) {
				code.append(CROCKFORD.charAt((int) ((half >>> shift) & 31)));
			}
		}
		return code.toString();
	}

	/** The code as printed: four groups of four. */
	public static String grouped(String code) {
		return String.join("-", code.substring(0, 4), code.substring(4, 8), code.substring(8, 12),
				code.substring(12, 16));
	}

	/**
	 * The code as typed, made canonical: no hyphens or spaces, upper case, and the
	 * letters people mistake for digits (I, L, O) read as the digits.
	 */
	public static String normalise(String typed) {
		return typed.replaceAll("[\\s-]", "")
			.toUpperCase(Locale.ROOT)
			.replace('I', '1')
			.replace('L', '1')
			.replace('O', '0');
	}

	/** SHA-256 (hex) of the canonical code: what the tracking side checks against. */
	public static String hash(String code) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(normalise(code).getBytes(StandardCharsets.US_ASCII));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Whether a typed code matches the stored hash. Compares in constant time, and does
	 * the same work when there is nothing to compare against ({@code expectedHash} null),
	 * so a wrong code and an unknown receipt number take the same time.
	 */
	public static boolean matches(String typed, String expectedHash) {
		String actual = hash((typed != null) ? typed : "");
		String expected = (expectedHash != null) ? expectedHash : UNKNOWN;
		boolean same = MessageDigest.isEqual(actual.getBytes(StandardCharsets.US_ASCII),
				expected.getBytes(StandardCharsets.US_ASCII));
		return same && expectedHash != null;
	}

}
