package org.dak.intake.receipt;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Everything printed on a receipt (पावती).
 *
 * @param officeNameHi the office, in Hindi
 * @param officeNameEn the office, in English
 * @param formNumber the prescribed form number
 * @param receiptNumber the receipt number
 * @param receivedAt when it was received, in office time (IST)
 * @param channelHi how it arrived, in Hindi
 * @param channelEn how it arrived, in English
 * @param applicantName who filed it
 * @param address their address, or {@code null}
 * @param mobile their mobile, or {@code null}
 * @param subject the subject
 * @param place where the item is about, in words, or {@code null}
 * @param photoLink the link to the applicant's photo of it, or {@code null}
 * @param letterReference the letter's own reference, or {@code null}
 * @param letterDate the letter's date, or {@code null}
 * @param enclosures names of what came with it
 * @param expectedDisposal the date by which it should be disposed of
 * @param trackingUrl the tracking link (also in the QR code)
 * @param accessCode the access code, grouped
 */
public record ReceiptData(String officeNameHi, String officeNameEn, String formNumber, String receiptNumber,
		ZonedDateTime receivedAt, String channelHi, String channelEn, String applicantName, String address,
		String mobile, String subject, String place, String photoLink, String letterReference, LocalDate letterDate,
		List<String> enclosures, LocalDate expectedDisposal, String trackingUrl, String accessCode) {
}
