package org.dak.notification.dispatch;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * How to reach an item's applicant, and its office, kept from the item's events for the
 * later steps.
 *
 * @param complaintId the item (its receipt number)
 * @param name applicant's name
 * @param mobile mobile number, or {@code null}
 * @param email e-mail, or {@code null}
 * @param language {@code hi} or {@code en}
 * @param trackingUrl the tracking link from the receipt
 * @param accessCodeHash the access code's hash, for the applicant's own preferences
 * @param subject the item's subject, for officers' mails
 * @param departmentCode the department it is marked to, once marked
 * @param departmentEmail that department's office head, once marked
 */
@Document("contacts")
record ApplicantContact(@Id String complaintId, String name, String mobile, String email, String language,
		String trackingUrl, String accessCodeHash, String subject, String departmentCode, String departmentEmail) {

	ApplicantContact markedTo(String code, String officerEmail) {
		return new ApplicantContact(this.complaintId, this.name, this.mobile, this.email, this.language,
				this.trackingUrl, this.accessCodeHash, this.subject, code, officerEmail);
	}

}
