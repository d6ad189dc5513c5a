package org.dak.contracts;

import java.time.Instant;

/**
 * An item was received and acknowledged with a receipt (पावती).
 *
 * @param eventId unique ID of this event; consumers de-duplicate on it
 * @param complaintId the complaint's ID, which is its receipt number
 * @param occurredAt when the item was received
 * @param receiptNumber the printed receipt number, e.g. {@code NAL-2026-000123-K}
 * @param channel {@code EMAIL}, {@code POST}, {@code FAX}, {@code SOCIAL_MEDIA},
 * {@code WALK_IN} or {@code WEB}
 * @param channelReference the channel's own reference (message ID, letter number), or
 * {@code null}
 * @param applicant who filed it
 * @param subject one-line subject
 * @param description the text of the application or complaint
 * @param accessCodeHash SHA-256 (hex) of the normalised access code printed on the
 * receipt; lets the tracking side check the code without ever holding it
 * @param trackingUrl the public tracking page of the item, without its access code (the
 * printed link and QR code add {@code ?code=}); events from before sealing carried the
 * code here
 * @param possibleDuplicateOf the complaint ID of an earlier item from the same mobile or
 * e-mail with a similar subject, or {@code null}: a flag for the DM, never a reason to
 * drop
 * @param category what it is about, e.g. {@code ration-card} (the Open311 service code or
 * the desk's choice), or {@code null}: deadline and routing rules may depend on it
 * @param sealedAccessCode the access code sealed for the notification service, which
 * sends it to the applicant (RSA-OAEP and AES-GCM with that service's public key, see
 * docs/access.md): no other reader of the topic can open it; {@code null} in events from
 * before sealing
 * @param place where the item is about, when the applicant gave a place (Open311), or
 * {@code null}
 * @param mediaUrl a link to a photo of it the applicant gave (Open311 {@code media_url}),
 * or {@code null}; shown as a link, never fetched
 * @param reportedOnOpen311 whether it came through the Open311 interface, whose reports
 * are public by that standard: their description, place and photo link are shown to
 * anyone who asks for them there; everything else about an item never is; {@code null}
 * (in events from before Open311 was complete) means no
 */
public record ComplaintReceived(String eventId, String complaintId, Instant occurredAt, String receiptNumber,
		String channel, String channelReference, Applicant applicant, String subject, String description,
		String accessCodeHash, String trackingUrl, String possibleDuplicateOf, String category, String sealedAccessCode,
		Place place, String mediaUrl, Boolean reportedOnOpen311) {
}
