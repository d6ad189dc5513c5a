package org.dak.intake.complaint;

import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A submission as it arrives from a channel.
 *
 * @param channel how it reached the office
 * @param applicant who filed it
 * @param subject one-line subject
 * @param description the text
 * @param channelReference the channel's own reference: e-mail Message-ID, post ID
 * @param letterReference the letter's own reference number (post, walk-in)
 * @param letterDate the date the letter bears
 * @param category what it is about (an Open311 service code such as {@code ration-card}),
 * if known: deadline and routing rules may depend on it
 * @param place where it is about, if the applicant named a place (not their address)
 * @param mediaUrl a link to a photo of it, kept as a link and never fetched
 */
record SubmitComplaint(@NotNull Channel channel, @NotNull @Valid ApplicantDetails applicant,
		@Schema(example = "राशन कार्ड में नाम जोड़ने हेतु आवेदन") @NotBlank @Size(max = 300) String subject,
		@Schema(example = "मेरे राशन कार्ड में बच्चों के नाम नहीं जोड़े गए हैं।") @NotBlank @Size(
				max = 20000) String description,
		@Size(max = 300) String channelReference, @Size(max = 200) String letterReference,
		@PastOrPresent LocalDate letterDate,
		@Schema(example = "ration-card") @Size(max = 50) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*") String category,
		@Valid PlaceDetails place, @Size(max = 2000) @Pattern(regexp = "https?://[^\\s<>\"]+",
				message = "must be an http or https link") String mediaUrl) {

}
