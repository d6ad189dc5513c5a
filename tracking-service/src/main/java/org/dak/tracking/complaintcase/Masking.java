package org.dak.tracking.complaintcase;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.dak.contracts.Applicant;

/**
 * Masks personal details before they are stored here: only initials, the last four digits
 * of the mobile and the first letter and domain of the e-mail are kept.
 */
final class Masking {

	private Masking() {
	}

	static ComplaintCase.MaskedApplicant applicant(Applicant applicant) {
		if (applicant == null) {
			return new ComplaintCase.MaskedApplicant(null, null, null, null);
		}
		String last4 = (applicant.mobile() != null && applicant.mobile().length() >= 4)
				? applicant.mobile().substring(applicant.mobile().length() - 4) : null;
		return new ComplaintCase.MaskedApplicant(initials(applicant.name()), (last4 != null) ? "XXXXXX" + last4 : null,
				last4, email(applicant.email()));
	}

	static String initials(String name) {
		if (name == null || name.isBlank()) {
			return null;
		}
		return Arrays.stream(name.strip().split("\\s+"))
			.map((word) -> new String(Character.toChars(word.codePointAt(0))) + ".")
			.collect(Collectors.joining(" "));
	}

	static String email(String email) {
		if (email == null) {
			return null;
		}
		int at = email.indexOf('@');
		if (at < 1) {
			return "***";
		}
		return email.charAt(0) + "***" + email.substring(at);
	}

}
