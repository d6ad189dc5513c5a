package org.dak.notification.dispatch;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * How to reach an item's applicant, kept from {@code complaint-received} for the later
 * steps.
 *
 * @param complaintId the item (its receipt number)
 * @param name applicant's name
 * @param mobile mobile number, or {@code null}
 * @param email e-mail, or {@code null}
 * @param language {@code hi} or {@code en}
 * @param trackingUrl the tracking link from the receipt
 */
@Document("contacts")
record ApplicantContact(@Id String complaintId, String name, String mobile, String email, String language,
		String trackingUrl) {
}
