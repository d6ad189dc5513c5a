package org.dak.intake.complaint;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.dak.intake.IntakeProperties;
import org.dak.items.attachment.Attachments;
import org.dak.items.attachment.StoredAttachment;
import org.dak.support.settings.OfficeSettings;
import org.dak.items.identity.AccessCodes;
import org.dak.intake.receipt.QrCodes;
import org.dak.intake.receipt.ReceiptData;
import org.dak.intake.receipt.ReceiptHtml;
import org.dak.intake.receipt.ReceiptPdf;
import org.dak.support.security.DakUser;
import org.dak.platform.Roles;
import org.dak.platform.Problem;
import org.dak.items.attachment.web.AttachmentsOverHttp;

import org.springframework.core.io.InputStreamResource;
import org.springframework.data.mongodb.gridfs.GridFsResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.dak.contracts.OfficeTime;

/**
 * Submitting an item and fetching its receipt and QR code.
 */
@RestController
@RequestMapping("/api/v1/complaints")
class ComplaintController {

	private final ComplaintIntake intake;

	private final IntakeProperties properties;

	private final ReceiptPdf pdf;

	private final ReceiptHtml html;

	private final Attachments attachments;

	private final PossibleDuplicates duplicates;

	private final ItemAccess access;

	private final OfficeSettings settings;

	ComplaintController(ComplaintIntake intake, IntakeProperties properties, ReceiptPdf pdf, ReceiptHtml html,
			Attachments attachments, PossibleDuplicates duplicates, ItemAccess access, OfficeSettings settings) {
		this.intake = intake;
		this.properties = properties;
		this.pdf = pdf;
		this.html = html;
		this.attachments = attachments;
		this.duplicates = duplicates;
		this.access = access;
		this.settings = settings;
	}

	/**
	 * Receives an item. 201 with the receipt for a new item; 200 with the original
	 * receipt when the same {@code Idempotency-Key} (or the channel's own reference)
	 * comes again.
	 */
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Receipt> submit(@Valid @RequestBody SubmitComplaint submission,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		if (idempotencyKey != null && idempotencyKey.length() > 200) {
			throw new Problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
					"The Idempotency-Key header must be at most 200 characters.");
		}
		checkMaySubmit(DakUser.current(), submission.channel());
		return answer(this.intake.submit(submission, idempotencyKey));
	}

	ResponseEntity<Receipt> answer(ComplaintIntake.Outcome outcome) {
		Receipt receipt = receipt(outcome.complaint());
		if (!outcome.created()) {
			return ResponseEntity.ok(receipt);
		}
		return ResponseEntity.created(URI.create("/api/v1/complaints/" + receipt.receiptNumber() + "/receipt"))
			.body(receipt);
	}

	/**
	 * Receives an item with files (a scanned letter, fax pages, photos): a multipart form
	 * with the item as JSON in part {@code complaint} and the files in parts
	 * {@code files}.
	 */
	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<Receipt> submitWithFiles(@Valid @RequestPart("complaint") SubmitComplaint submission,
			@RequestPart(name = "files", required = false) List<MultipartFile> files,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		checkMaySubmit(DakUser.current(), submission.channel());
		return answer(this.intake.submit(submission, idempotencyKey, AttachmentsOverHttp.uploads(files)));
	}

	/**
	 * For the receipt desk, before it registers an item: an earlier item of the same
	 * mobile or e-mail with a similar subject, so the clerk can ask the applicant. It
	 * only informs; a repeat is registered (and flagged) like any other item. A POST, so
	 * the applicant's number is in no URL or access log.
	 */
	@PostMapping(path = "/possible-duplicates", consumes = MediaType.APPLICATION_JSON_VALUE)
	DuplicateCheck possibleDuplicates(@Valid @RequestBody DuplicateQuestion question) {
		ApplicantDetails applicant = new ApplicantDetails("-", question.mobile(), question.email(), null, null);
		return new DuplicateCheck(this.duplicates.earlier(applicant, question.subject(), Instant.now()).orElse(null));
	}

	/**
	 * The applicant's mobile or e-mail and the subject of the item about to be
	 * registered.
	 */
	record DuplicateQuestion(
			@Pattern(regexp = "[6-9][0-9]{9}", message = "must be a ten-digit Indian mobile number") String mobile,
			@Email @Size(max = 254) String email, @NotBlank @Size(max = 300) String subject) {
	}

	/** The earlier item, or none. */
	record DuplicateCheck(PossibleDuplicates.EarlierItem earlier) {
	}

	/**
	 * The files that came with an item (the scanned letter, its enclosures), for the
	 * receipt desk, the DM's office and the officers of the department it is marked or
	 * copied to; for anyone else it is not there (404).
	 */
	@GetMapping("/{receiptNumber}/attachments")
	List<AttachmentView> attachments(@PathVariable String receiptNumber) {
		return openable(receiptNumber).attachments()
			.stream()
			.map((file) -> new AttachmentView(file.id(), file.filename(), file.mediaType(), file.size()))
			.toList();
	}

	/** One file of an item, as listed. */
	record AttachmentView(String id, String filename, String mediaType, long size) {
	}

	/** A file that came with an item, for those who may see its files. */
	@GetMapping("/{receiptNumber}/attachments/{attachmentId}")
	ResponseEntity<InputStreamResource> attachment(@PathVariable String receiptNumber,
			@PathVariable String attachmentId) {
		Complaint complaint = openable(receiptNumber);
		GridFsResource file = this.attachments.open(complaint.id(), attachmentId)
			.orElseThrow(() -> new Problem(HttpStatus.NOT_FOUND, "attachment-not-found", "Attachment not found",
					"Item " + receiptNumber + " has no attachment " + attachmentId + "."));
		return AttachmentsOverHttp.download(file);
	}

	private Complaint openable(String receiptNumber) {
		return this.intake.find(receiptNumber)
			.filter((complaint) -> DakUser.current()
				.map((user) -> this.access.mayOpen(complaint.id(), user))
				.orElse(false))
			.orElseThrow(() -> notFound(receiptNumber));
	}

	@GetMapping("/{receiptNumber}/receipt")
	Receipt receipt(@PathVariable String receiptNumber) {
		return receipt(this.intake.find(receiptNumber).orElseThrow(() -> notFound(receiptNumber)));
	}

	@GetMapping(path = "/{receiptNumber}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
	ResponseEntity<byte[]> qrCode(@PathVariable String receiptNumber) {
		Complaint complaint = this.intake.find(receiptNumber).orElseThrow(() -> notFound(receiptNumber));
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.contentType(MediaType.IMAGE_PNG)
			.body(QrCodes.png(complaint.trackingUrl(), 300));
	}

	/**
	 * The public submits web items; the receipt desk registers items of any channel; a
	 * channel adapter submits for its own channel only; other staff roles do not submit.
	 */
	/** The printable receipt as PDF (A4, Hindi and English, with the QR code). */
	@GetMapping(path = "/{receiptNumber}/receipt.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
	ResponseEntity<byte[]> receiptPdf(@PathVariable String receiptNumber) {
		Complaint complaint = this.intake.find(receiptNumber).orElseThrow(() -> notFound(receiptNumber));
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.header("Content-Disposition", "inline; filename=\"receipt-" + complaint.id() + ".pdf\"")
			.contentType(MediaType.APPLICATION_PDF)
			.body(this.pdf.render(printed(complaint)));
	}

	/**
	 * The applicant's own receipt as PDF, opened with the access code like public
	 * tracking; a wrong code, an unknown and a malformed number all answer the same 404.
	 */
	@GetMapping(path = "/public/{receiptNumber}/receipt.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
	ResponseEntity<byte[]> publicReceiptPdf(@PathVariable String receiptNumber,
			@RequestParam(name = "code", required = false) String accessCode) {
		Optional<Complaint> found = this.intake.find(receiptNumber);
		String expected = found.map((complaint) -> AccessCodes.hash(complaint.accessCode())).orElse(null);
		if (!AccessCodes.matches(accessCode, expected)) {
			throw new Problem(HttpStatus.NOT_FOUND, "receipt-not-found", "Not found",
					"No receipt matches this receipt number and access code.");
		}
		return receiptPdf(found.get().id());
	}

	/** The printable receipt as an HTML page; {@code ?size=A5} for the small form. */
	@GetMapping(path = "/{receiptNumber}/receipt.html", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> receiptHtml(@PathVariable String receiptNumber,
			@RequestParam(defaultValue = "A4") String size) {
		Complaint complaint = this.intake.find(receiptNumber).orElseThrow(() -> notFound(receiptNumber));
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
			.body(this.html.render(printed(complaint), "A5".equalsIgnoreCase(size)));
	}

	private ReceiptData printed(Complaint complaint) {
		ZonedDateTime received = complaint.receivedAt().atZone(OfficeTime.ZONE);
		return new ReceiptData(this.properties.officeNameHi(), this.properties.officeName(),
				this.properties.formNumber(), complaint.id(), received, complaint.channel().hindi(),
				complaint.channel().english(), complaint.applicant().name(), complaint.applicant().address(),
				complaint.applicant().mobile(), complaint.subject(),
				(complaint.place() != null) ? complaint.place().inWords() : null, complaint.mediaUrl(),
				complaint.letterReference(), complaint.letterDate(), enclosures(complaint),
				// the calendar in force when it is printed: a holiday added
				// since moves it
				this.settings.workingDays()
					.plusWorkingDays(received.toLocalDate(), this.properties.disposalWorkingDays()),
				complaint.trackingUrl(), AccessCodes.grouped(complaint.accessCode()));
	}

	private static List<String> enclosures(Complaint complaint) {
		return (complaint.attachments() != null)
				? complaint.attachments().stream().map(StoredAttachment::filename).toList() : List.of();
	}

	private static void checkMaySubmit(Optional<DakUser> caller, Channel channel) {
		boolean allowed = caller
			.map((user) -> user.has(Roles.RECEIPT_DESK)
					|| (user.has(Roles.CHANNEL_ADAPTER) && channel.name().equals(user.channel())))
			.orElse(channel == Channel.WEB);
		if (!allowed) {
			throw new Problem(HttpStatus.FORBIDDEN, "channel-not-allowed", "Channel not allowed",
					caller.isEmpty() ? "Without signing in only web submissions (channel WEB) are accepted."
							: "Your account may not submit items of channel " + channel + ".");
		}
	}

	private Receipt receipt(Complaint complaint) {
		return new Receipt(complaint.id(), AccessCodes.grouped(complaint.accessCode()), complaint.trackingUrl(),
				complaint.receivedAt(), complaint.channel(), this.properties.officeName(), complaint.applicant().name(),
				complaint.subject(), enclosures(complaint), "/api/v1/complaints/" + complaint.id() + "/qr.png");
	}

	private static Problem notFound(String receiptNumber) {
		return new Problem(HttpStatus.NOT_FOUND, "complaint-not-found", "Complaint not found",
				"No complaint has the receipt number " + receiptNumber + ".");
	}

}
