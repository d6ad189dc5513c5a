package org.dak.notification.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.MimeMessage;
import org.dak.notification.NotificationProperties;

import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends e-mail over SMTP (UTF-8, so Hindi arrives intact). Retried when the server cannot
 * be reached or refuses for now; not when it refuses our credentials.
 */
@Component
public class MailGateway {

	private final JavaMailSender mail;

	private final String from;

	private final Resilience resilience;

	MailGateway(JavaMailSender mail, NotificationProperties properties, Resilience resilience) {
		this.mail = mail;
		this.from = properties.mailFrom();
		this.resilience = resilience;
	}

	/**
	 * Sends one message, as plain text and HTML.
	 * @param to recipient
	 * @param subject subject line
	 * @param text plain-text body
	 * @param html HTML body
	 * @param reference our notification ID, carried in a header
	 */
	public void send(String to, String subject, String text, String html, String reference) {
		try {
			this.resilience.call("mail", (ex) -> ex instanceof MailSendException && !badAddress(ex), () -> {
				MimeMessage message = this.mail.createMimeMessage();
				try {
					MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
					helper.setFrom(this.from);
					helper.setTo(to);
					helper.setSubject(subject);
					helper.setText(text, html);
					message.setHeader("X-Dak-Notification-Id", reference);
				}
				catch (MessagingException ex) {
					throw new MailPreparationException("Cannot build e-mail: " + ex.getMessage(), ex);
				}
				this.mail.send(message);
				return null;
			});
		}
		catch (MailPreparationException | MailParseException ex) {
			throw new DeliveryFailedException("E-mail cannot be sent to " + to + ": " + ex.getMessage(), true, ex);
		}
		catch (MailException ex) {
			throw new DeliveryFailedException("Mail relay: " + ex.getMessage(), badAddress(ex), ex);
		}
	}

	/** The relay refused the address itself: trying again will not help. */
	private static boolean badAddress(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof AddressException || (cause instanceof SendFailedException failed
					&& failed.getInvalidAddresses() != null && failed.getInvalidAddresses().length > 0)) {
				return true;
			}
		}
		return false;
	}

}
