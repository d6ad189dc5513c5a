package org.dak.intake.complaint;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.dak.items.attachment.StoredAttachment;
import org.dak.support.events.OutboxEvent;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An item as submitted, with the events it has yet to announce. Written once, in one
 * document write, so the item and its {@code complaint-received} event are stored
 * together or not at all.
 *
 * @param id the receipt number
 * @param idempotencyKey the client's key (or the channel's reference) that makes retries
 * return this item
 * @param requestFingerprint hash of the submission, to tell a retry from a different
 * submission that reuses a key
 * @param channel how it arrived
 * @param channelReference the channel's own reference
 * @param letterReference the letter's own reference number
 * @param letterDate the date the letter bears
 * @param applicant who filed it
 * @param subject subject
 * @param description text
 * @param receivedAt when it was received
 * @param accessCode the access code printed on the receipt
 * @param trackingUrl the tracking link
 * @param attachments the files that came with it (in GridFS)
 * @param possibleDuplicateOf an earlier item it may repeat, or {@code null}
 * @param outbox events waiting to be published
 * @param place where it is about, if the applicant named a place
 * @param mediaUrl a link to a photo of it the applicant gave
 * @param open311 what came with it through the Open311 interface, or {@code null} if it
 * came another way
 */
@Document("complaints")
record Complaint(@Id String id, @Indexed(unique = true) String idempotencyKey, String requestFingerprint,
		Channel channel, String channelReference, String letterReference, LocalDate letterDate,
		ApplicantDetails applicant, String subject, String description, Instant receivedAt, String accessCode,
		String trackingUrl, List<StoredAttachment> attachments, String possibleDuplicateOf, List<OutboxEvent> outbox,
		PlaceDetails place, String mediaUrl, Open311Report open311) {

}
