package org.dak.intake.complaint;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.dak.items.attachment.Attachments;
import org.dak.items.attachment.FileType;
import org.dak.items.attachment.Upload;
import org.dak.platform.Problem;
import org.dak.platform.Roles;
import org.dak.support.security.DakUser;
import org.dak.items.attachment.web.AttachmentsOverHttp;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Push APIs for channel bridges in their own shapes: social-media posts and faxes. Each
 * becomes an ordinary item; a retry of the same post or fax returns the first receipt.
 * Only the adapter of that channel may push.
 */
@RestController
@RequestMapping("/api/v1/channels")
class ChannelController {

	private final ComplaintIntake intake;

	private final ComplaintController complaints;

	private final Attachments attachments;

	ChannelController(ComplaintIntake intake, ComplaintController complaints, Attachments attachments) {
		this.intake = intake;
		this.complaints = complaints;
		this.attachments = attachments;
	}

	/**
	 * A social-media post.
	 *
	 * @param platform e.g. {@code twitter}, {@code facebook}
	 * @param handle the author's handle
	 * @param postId the platform's ID of the post
	 * @param postUrl a link to it
	 * @param text what it says
	 * @param postedAt when it was posted
	 * @param authorName the author's name, if known
	 */
	record SocialPost(@NotBlank @Pattern(regexp = "[a-z0-9_-]{1,30}") String platform,
			@NotBlank @Size(max = 100) String handle, @NotBlank @Size(max = 100) String postId,
			@Size(max = 500) @Pattern(regexp = "https?://\\S+") String postUrl,
			@NotBlank @Size(max = 10000) String text, @NotNull Instant postedAt, @Size(max = 200) String authorName) {
	}

	/**
	 * A fax, with its pages as PDF or TIFF files.
	 *
	 * @param faxId the bridge's ID of the fax
	 * @param senderNumber the sending number
	 * @param receivedAt when the fax arrived
	 * @param senderName the sender's name, if the cover sheet gives it
	 * @param subject the subject, if known
	 */
	record Fax(@NotBlank @Size(max = 100) String faxId,
			@NotBlank @Pattern(regexp = "\\+?[0-9 -]{6,20}",
					message = "must be a telephone number") String senderNumber,
			@NotNull Instant receivedAt, @Size(max = 200) String senderName, @Size(max = 300) String subject) {
	}

	@PostMapping(path = "/social", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Receipt> social(@Valid @RequestBody SocialPost post) {
		requireAdapter(Channel.SOCIAL_MEDIA);
		String firstLine = post.text().strip().lines().findFirst().orElse("");
		SubmitComplaint submission = new SubmitComplaint(Channel.SOCIAL_MEDIA,
				new ApplicantDetails(
						Optional.ofNullable(post.authorName()).orElse("@" + post.handle()), null, null, null, "hi"),
				(firstLine.length() > 120) ? firstLine.substring(0, 117) + "..." : firstLine,
				post.text() + ((post.postUrl() != null) ? "\n\n" + post.postUrl() : "") + "\n\n(" + post.platform()
						+ " @" + post.handle() + ", " + post.postedAt() + ")",
				post.platform() + ":" + post.postId(), null, null, null, null, null);
		return this.complaints.answer(this.intake.submit(submission, null));
	}

	@PostMapping(path = "/fax", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<Receipt> fax(@Valid @RequestPart("fax") Fax fax,
			@RequestPart(name = "pages") @NotEmpty List<MultipartFile> pages) {
		requireAdapterOrDesk(Channel.FAX);
		List<Upload> uploads = AttachmentsOverHttp.uploads(pages);
		for (FileType type : this.attachments.check(uploads)) {
			if (type != FileType.PDF && type != FileType.TIFF_BIG_ENDIAN && type != FileType.TIFF_LITTLE_ENDIAN) {
				throw new Problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-attachment", "Unsupported fax pages",
						"Fax pages must be PDF or TIFF files.");
			}
		}
		String number = fax.senderNumber().replaceAll("[ -]", "");
		String mobile = number.replaceFirst("^(\\+91|0)", "");
		SubmitComplaint submission = new SubmitComplaint(Channel.FAX,
				new ApplicantDetails(
						Optional.ofNullable(fax.senderName()).orElse("फैक्स प्रेषक / Fax sender " + fax.senderNumber()),
						mobile.matches("[6-9][0-9]{9}") ? mobile : null, null, null, "hi"),
				Optional.ofNullable(fax.subject()).orElse("फैक्स / Fax from " + fax.senderNumber()),
				"फैक्स प्राप्त / Fax received " + fax.receivedAt() + " from " + fax.senderNumber() + ", "
						+ uploads.size() + " file(s) attached.",
				fax.faxId(), null, null, null, null, null);
		return this.complaints.answer(this.intake.submit(submission, null, uploads));
	}

	private static void requireAdapter(Channel channel) {
		DakUser user = DakUser.current().orElseThrow();
		if (!user.has(Roles.CHANNEL_ADAPTER) || !channel.name().equals(user.channel())) {
			throw new Problem(HttpStatus.FORBIDDEN, "channel-not-allowed", "Channel not allowed",
					"Only the " + channel + " adapter may push here.");
		}
	}

	private static void requireAdapterOrDesk(Channel channel) {
		if (!DakUser.current().orElseThrow().has(Roles.RECEIPT_DESK)) {
			requireAdapter(channel);
		}
	}

}
