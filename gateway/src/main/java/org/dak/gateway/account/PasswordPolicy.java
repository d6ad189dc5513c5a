package org.dak.gateway.account;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.dak.platform.Refusal;

/**
 * Passwords: at least 12 characters (NIST SP 800-63B favours length over composition
 * rules), at most 128 and at most 72 bytes in UTF-8 (bcrypt's limit), and not containing
 * the username.
 */
final class PasswordPolicy {

	private PasswordPolicy() {
	}

	/** bcrypt reads at most 72 bytes of a password; more would be silently cut off. */
	static final int MAX_BYTES = 72;

	/**
	 * Checks a new password.
	 * @param username whose it is
	 * @param password the password
	 * @param field the request field it came in, named in the answer
	 */
	static void check(String username, String password, String field) {
		String problem = null;
		if (password == null || password.length() < 12) {
			problem = "A password needs at least 12 characters.";
		}
		else if (password.length() > 128) {
			problem = "A password may have at most 128 characters.";
		}
		else if (password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
			problem = "A password must not contain the username.";
		}
		if (problem != null) {
			throw Refusal.invalid("weak-password", "Password not accepted", problem);
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			throw Refusal
				.malformed("invalid-request", "Invalid request",
						"A password may have at most " + MAX_BYTES + " bytes in UTF-8 (bcrypt reads no more): "
								+ "72 Latin letters or digits, 24 Devanagari letters, 18 emoji.")
				.with("errors", List.of(Map.of("field", field, "message", "at most " + MAX_BYTES
						+ " bytes in UTF-8 (this one has " + password.getBytes(StandardCharsets.UTF_8).length + ")")));
		}
	}

}
