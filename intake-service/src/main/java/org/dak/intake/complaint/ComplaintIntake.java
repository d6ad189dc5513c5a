package org.dak.intake.complaint;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import org.dak.contracts.Applicant;
import org.dak.contracts.ComplaintReceived;
import org.dak.contracts.OfficeTime;
import org.dak.support.seal.Sealing;
import org.dak.intake.IntakeProperties;
import org.dak.items.attachment.Attachments;
import org.dak.items.attachment.StoredAttachment;
import org.dak.items.attachment.Upload;
import org.dak.items.identity.AccessCodes;
import org.dak.items.identity.ReceiptNumbers;
import org.dak.support.events.EventJson;
import org.dak.support.events.OutboxEvent;
import org.dak.platform.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Receives an item exactly once: a retry with the same idempotency key gets the first
 * receipt back, a new item gets the next receipt number of the year and an access code,
 * and is stored with its {@code complaint-received} event in one write.
 */
@Service
class ComplaintIntake {

	private static final Logger log = LoggerFactory.getLogger(ComplaintIntake.class);

	private final ComplaintRepository complaints;

	private final SerialCounter serials;

	private final IntakeProperties properties;

	private final MeterRegistry meters;

	private final Attachments attachments;

	private final PossibleDuplicates duplicates;

	private final Clock clock;

	/** Seals the access code for the notification service: it never travels in clear. */
	private final Sealing sealing;

	ComplaintIntake(ComplaintRepository complaints, SerialCounter serials, IntakeProperties properties,
			MeterRegistry meters, Attachments attachments, PossibleDuplicates duplicates, Sealing sealing) {
		this.sealing = sealing.requireSealing();
		this.complaints = complaints;
		this.serials = serials;
		this.properties = properties;
		this.meters = meters;
		this.attachments = attachments;
		this.duplicates = duplicates;
		this.clock = Clock.systemUTC();
	}

	/**
	 * What {@link #submit} did: stored a new item, or found the one a retry refers to.
	 */
	record Outcome(Complaint complaint, boolean created) {
	}

	Outcome submit(SubmitComplaint submission, String idempotencyKey) {
		return submit(submission, idempotencyKey, List.of());
	}

	/**
	 * Receives an item with its files. A retry is answered before anything is checked or
	 * stored; the files are checked before a receipt number is taken, stored before the
	 * item, and removed again if the item cannot be stored.
	 */
	Outcome submit(SubmitComplaint submission, String idempotencyKey, List<Upload> uploads) {
		return submit(submission, idempotencyKey, uploads, null);
	}

	/**
	 * Receives a report made through the Open311 interface, which is public by that
	 * standard.
	 */
	Outcome submitReport(SubmitComplaint submission, Open311Report report) {
		return submit(submission, null, List.of(), report);
	}

	private Outcome submit(SubmitComplaint submission, String idempotencyKey, List<Upload> uploads,
			Open311Report report) {
		String fingerprint = fingerprint(submission);
		String key = effectiveKey(submission, idempotencyKey);
		if (key != null) {
			Optional<Complaint> earlier = this.complaints.findByIdempotencyKey(key);
			if (earlier.isPresent()) {
				return retried(earlier.get(), fingerprint);
			}
		}
		// MongoDB keeps milliseconds: the receipt and its event must show the stored time
		this.attachments.check(uploads);
		Instant receivedAt = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		int year = receivedAt.atZone(OfficeTime.ZONE).getYear();
		String receiptNumber = ReceiptNumbers.format(this.properties.districtCode(), year,
				this.serials.next(this.properties.districtCode(), year));
		String accessCode = AccessCodes.generate();
		String trackingUrl = this.properties.trackingUrl(receiptNumber, accessCode);
		List<StoredAttachment> stored = this.attachments.store(receiptNumber, uploads);
		ComplaintReceived event = new ComplaintReceived(OutboxEvent.newEventId(), receiptNumber, receivedAt,
				receiptNumber, submission.channel().name(), submission.channelReference(),
				applicant(submission.applicant()), submission.subject(), submission.description(),
				AccessCodes.hash(accessCode), this.properties.trackingPage(receiptNumber),
				this.duplicates.earlierOf(submission.applicant(), submission.subject(), receivedAt).orElse(null),
				submission.category(), this.sealing.seal(accessCode),
				(submission.place() != null && submission.place().isGiven()) ? submission.place().toEvent() : null,
				submission.mediaUrl(), report != null);
		Complaint complaint = new Complaint(receiptNumber, (key != null) ? key : "receipt:" + receiptNumber,
				fingerprint, submission.channel(), submission.channelReference(), submission.letterReference(),
				submission.letterDate(), submission.applicant(), submission.subject(), submission.description(),
				receivedAt, accessCode, trackingUrl, stored, event.possibleDuplicateOf(),
				List.of(OutboxEvent.pending(event, receiptNumber, event.eventId(), receivedAt)), submission.place(),
				submission.mediaUrl(), report);
		try {
			this.complaints.insert(complaint);
		}
		catch (DuplicateKeyException ex) {
			// the same key arrived twice at once: the other request stored it first
			this.attachments.discard(stored);
			return retried(this.complaints.findByIdempotencyKey(key).orElseThrow(() -> ex), fingerprint);
		}
		catch (RuntimeException ex) {
			this.attachments.discard(stored);
			throw ex;
		}
		this.duplicates.stored(receiptNumber, submission.applicant(), submission.subject(), receivedAt);
		this.meters.counter("dak.complaints.received", "channel", submission.channel().name()).increment();
		this.meters.counter("dak.intake.received", "channel", submission.channel().name()).increment();
		// the item's number and channel only: never the applicant's name, mobile or
		// e-mail
		log.info("Received item {} by {} with {} attachments", receiptNumber, submission.channel(), stored.size());
		return new Outcome(complaint, true);
	}

	Optional<Complaint> find(String receiptNumber) {
		if (!ReceiptNumbers.isValid(receiptNumber)) {
			return Optional.empty();
		}
		return this.complaints.findById(ReceiptNumbers.normalise(receiptNumber));
	}

	private static Outcome retried(Complaint earlier, String fingerprint) {
		if (!earlier.requestFingerprint().equals(fingerprint)) {
			throw Refusal.invalid("idempotency-key-reused", "Idempotency key reused",
					"This idempotency key was already used for a different submission (receipt " + earlier.id()
							+ "). Use a new key for a new item.");
		}
		return new Outcome(earlier, false);
	}

	private static String effectiveKey(SubmitComplaint submission, String idempotencyKey) {
		if (idempotencyKey != null && !idempotencyKey.isBlank()) {
			return "key:" + idempotencyKey.strip();
		}
		if (submission.channelReference() != null && !submission.channelReference().isBlank()) {
			return "ref:" + submission.channel() + ":" + submission.channelReference().strip();
		}
		return null;
	}

	private static Applicant applicant(ApplicantDetails details) {
		return new Applicant(details.name(), details.mobile(), details.email(), details.address(),
				details.preferredLanguage());
	}

	private static String fingerprint(SubmitComplaint submission) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(EventJson.write(submission).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
