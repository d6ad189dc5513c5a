package org.dak.tracking.publictrack;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

import org.dak.platform.Refusal;
import org.dak.items.identity.AccessCodes;
import org.dak.items.identity.ReceiptNumbers;
import org.dak.tracking.timeline.Cases;
import org.dak.tracking.complaintcase.ComplaintCase;

import org.springframework.stereotype.Service;

/**
 * Opens an item for the public. Every miss takes the same path: a malformed number, an
 * unknown one and a wrong code all hash the code and compare, and all answer empty.
 */
@Service
class PublicTracking {

	private final Cases cases;

	private final OneTimeCodes codes;

	PublicTracking(Cases cases, OneTimeCodes codes) {
		this.cases = cases;
		this.codes = codes;
	}

	Optional<PublicView> open(String receiptNumber, String accessCode) {
		return open(receiptNumber, accessCode, null);
	}

	/**
	 * The applicant's feedback on their item. Only the applicant may give it: with the
	 * access code from the receipt, or a one-time code sent to the mobile or e-mail
	 * registered with the item. The last digits of the mobile, which officers see too,
	 * never change anything. Every miss answers empty.
	 */
	Optional<PublicView> feedback(String receiptNumber, String accessCode, String oneTimeCode, boolean satisfied,
			String reason) {
		if (accessCode == null && oneTimeCode == null) {
			throw Refusal.notAllowed("code-required", "Code required",
					"Feedback needs the access code printed on the receipt (code=), or a one-time code sent to the "
							+ "registered mobile or e-mail (otp=; ask for one with POST /api/v1/public/track/"
							+ "{receiptNumber}/one-time-code).");
		}
		Optional<ComplaintCase> opened = (accessCode != null) ? openCase(receiptNumber, accessCode, null)
				: find(receiptNumber).filter((c) -> this.codes.redeem(c.id(), oneTimeCode));
		return opened.map((c) -> {
			this.cases.feedback(c, satisfied, reason, (accessCode != null) ? "access code" : "one-time code");
			return PublicView.of(c);
		});
	}

	/**
	 * Sends the item's applicant a one-time code, to what they registered. Answers the
	 * same whether the number exists, a code was sent, or the limit held it back.
	 */
	void sendOneTimeCode(String receiptNumber, String preferredChannel, String requester) {
		find(receiptNumber).ifPresent((c) -> this.codes.issue(c, preferredChannel, requester));
	}

	private Optional<ComplaintCase> find(String receiptNumber) {
		return this.cases.find(ReceiptNumbers.isValid(receiptNumber) ? ReceiptNumbers.normalise(receiptNumber) : "-");
	}

	Optional<PublicView> open(String receiptNumber, String accessCode, String mobileLast4) {
		return openCase(receiptNumber, accessCode, mobileLast4).map(PublicView::of);
	}

	private Optional<ComplaintCase> openCase(String receiptNumber, String accessCode, String mobileLast4) {
		// a malformed number is looked up too (as an ID that cannot exist): every miss
		// costs the same
		Optional<ComplaintCase> found = find(receiptNumber);
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
