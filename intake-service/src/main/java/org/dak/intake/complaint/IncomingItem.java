package org.dak.intake.complaint;

import java.time.LocalDate;
import java.util.List;

import org.dak.items.attachment.Upload;

/**
 * An item handed in by another feature of this service (the mailbox poller, the bulk
 * import), in the terms of a submission.
 *
 * @param channel {@code EMAIL}, {@code POST}, {@code FAX}, …
 * @param applicantName who filed it
 * @param mobile their mobile, or {@code null}
 * @param email their e-mail, or {@code null}
 * @param address their address, or {@code null}
 * @param subject subject
 * @param description text
 * @param channelReference the channel's own reference (the key of retries)
 * @param letterReference the letter's own number, or {@code null}
 * @param letterDate the letter's date, or {@code null}
 * @param uploads files
 */
public record IncomingItem(String channel, String applicantName, String mobile, String email, String address,
		String subject, String description, String channelReference, String letterReference, LocalDate letterDate,
		List<Upload> uploads) {
}
