package org.dak.tracking.publictrack;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

import org.dak.support.identity.AccessCodes;
import org.dak.support.identity.ReceiptNumbers;
import org.dak.tracking.timeline.Cases;
import org.dak.tracking.timeline.ComplaintCase;

import org.springframework.stereotype.Service;

/**
 * Opens an item for the public. Every miss takes the same path: a malformed number, an
 * unknown one and a wrong code all hash the code and compare, and all answer empty.
 */
@Service
class PublicTracking {

	private final Cases cases;

	PublicTracking(Cases cases) {
		this.cases = cases;
	}

	Optional<PublicView> open(String receiptNumber, String accessCode) {
		return open(receiptNumber, accessCode, null);
	}

	/**
	 * Opens an item with its access code, or else with the last four digits of the mobile
	 * it was registered with. Every miss takes the same path and answers empty.
	 */
	/** The applicant's feedback on their item, opened as for tracking. */
	Optional<PublicView> feedback(String receiptNumber, String accessCode, String mobileLast4, boolean satisfied,
			String reason) {
		return openCase(receiptNumber, accessCode, mobileLast4).map((c) -> {
			this.cases.feedback(c, satisfied, reason);
			return PublicView.of(c);
		});
	}

	Optional<PublicView> open(String receiptNumber, String accessCode, String mobileLast4) {
		return openCase(receiptNumber, accessCode, mobileLast4).map(PublicView::of);
	}

	private Optional<ComplaintCase> openCase(String receiptNumber, String accessCode, String mobileLast4) {
		// a malformed number is looked up too (as an ID that cannot exist): every miss
		// costs the same
		Optional<ComplaintCase> found = this.cases
			.find(ReceiptNumbers.isValid(receiptNumber) ? ReceiptNumbers.normalise(receiptNumber) : "-");
		boolean opened;
		if (accessCode == null && mobileLast4 != null) {
			String expected = found.map((c) -> (c.applicant() != null) ? c.applicant().mobileLast4() : null)
				.orElse("----");
			String typed = mobileLast4.strip();
			opened = MessageDigest.isEqual(
					(expected != null) ? expected.getBytes(StandardCharsets.US_ASCII) : new byte[0],
					typed.getBytes(StandardCharsets.US_ASCII)) && typed.matches("[0-9]{4}");
		}
		else {
			opened = AccessCodes.matches(accessCode, found.map(ComplaintCase::accessCodeHash).orElse(null));
		}
		return opened ? found : Optional.empty();
	}

}
