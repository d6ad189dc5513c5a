package org.dak.intake.complaint;

import java.time.Instant;
import java.util.List;

/**
 * The acknowledgement (पावती) given for an item.
 *
 * @param receiptNumber the item's receipt number
 * @param accessCode the code that, with the receipt number, opens public tracking
 * @param trackingUrl the public tracking link (also in the QR code)
 * @param receivedAt when the item was received
 * @param channel how it reached the office
 * @param office the receiving office
 * @param applicantName who filed it
 * @param subject its subject
 * @param enclosures the names of the files that came with it
 * @param qrCodeUrl where the QR code PNG is
 */
record Receipt(String receiptNumber, String accessCode, String trackingUrl, Instant receivedAt, Channel channel,
		String office, String applicantName, String subject, List<String> enclosures, String qrCodeUrl) {

}
