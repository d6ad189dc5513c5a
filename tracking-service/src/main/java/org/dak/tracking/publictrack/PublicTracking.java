package org.dak.tracking.publictrack;

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
		// a malformed number is looked up too (as an ID that cannot exist): every miss
		// costs the same
		Optional<ComplaintCase> found = this.cases
			.find(ReceiptNumbers.isValid(receiptNumber) ? ReceiptNumbers.normalise(receiptNumber) : "-");
		String expectedHash = found.map(ComplaintCase::accessCodeHash).orElse(null);
		if (!AccessCodes.matches(accessCode, expectedHash)) {
			return Optional.empty();
		}
		return found.map(PublicView::of);
	}

}
