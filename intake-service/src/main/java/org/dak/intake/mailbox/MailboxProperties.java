package org.dak.intake.mailbox;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The mailboxes to poll.
 *
 * @param pollInterval how often each is read
 * @param mailboxes the mailboxes; none by default
 */
@Validated
@ConfigurationProperties("dak.intake.mail")
public record MailboxProperties(@DefaultValue("30s") Duration pollInterval,
		@DefaultValue List<@Valid Mailbox> mailboxes) {

	/**
	 * One mailbox.
	 *
	 * @param name a label for logs and metrics
	 * @param host IMAP host
	 * @param port IMAP port
	 * @param ssl IMAPS rather than IMAP
	 * @param username login
	 * @param password password
	 * @param folder the folder to read
	 * @param channel {@code EMAIL}, or {@code FAX} for a fax-to-mail box
	 */
	public record Mailbox(@NotBlank String name, @NotBlank String host, @DefaultValue("993") int port,
			@DefaultValue("true") boolean ssl, @NotBlank String username, String password,
			@DefaultValue("INBOX") String folder,
			@DefaultValue("EMAIL") @Pattern(regexp = "EMAIL|FAX") String channel) {
	}

}
