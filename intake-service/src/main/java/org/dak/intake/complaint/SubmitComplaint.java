package org.dak.intake.complaint;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A submission as it arrives from a channel.
 *
 * @param channel how it reached the office
 * @param applicant who filed it
 * @param subject one-line subject
 * @param description the text
 * @param channelReference the channel's own reference: e-mail Message-ID, letter number,
 * post ID
 */
record SubmitComplaint(@NotNull Channel channel, @NotNull @Valid ApplicantDetails applicant,
		@NotBlank @Size(max = 300) String subject, @NotBlank @Size(max = 20000) String description,
		@Size(max = 300) String channelReference) {

}
