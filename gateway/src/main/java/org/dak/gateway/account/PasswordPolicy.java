package org.dak.gateway.account;

import java.util.Locale;

import org.dak.platform.Problem;

import org.springframework.http.HttpStatus;

/**
 * Passwords: at least 12 characters (NIST SP 800-63B favours length over composition
 * rules), at most 128, and not containing the username.
 */
final class PasswordPolicy {

	private PasswordPolicy() {
	}

	static void check(String username, String password) {
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
			throw new Problem(HttpStatus.UNPROCESSABLE_CONTENT, "weak-password", "Password not accepted", problem);
		}
	}

}
