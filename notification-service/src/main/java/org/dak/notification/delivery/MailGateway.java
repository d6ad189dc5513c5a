package org.dak.notification.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.dak.notification.NotificationProperties;

import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
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
	 * Sends one message.
	 * @param to recipient
	 * @param subject subject line
	 * @param text plain-text body
	 * @param reference our notification ID, carried in a header
	 */
	public void send(String to, String subject, String text, String reference) {
		try {
			this.resilience.call("mail", (ex) -> ex instanceof MailSendException, () -> {
				MimeMessage message = this.mail.createMimeMessage();
				try {
					MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
					helper.setFrom(this.from);
					helper.setTo(to);
					helper.setSubject(subject);
					helper.setText(text);
					message.setHeader("X-Dak-Notification-Id", reference);
				}
				catch (MessagingException ex) {
					throw new DeliveryFailedException("Cannot build e-mail: " + ex.getMessage(), ex);
				}
				this.mail.send(message);
				return null;
			});
		}
		catch (MailAuthenticationException ex) {
			throw new DeliveryFailedException("Mail relay refused our credentials", ex);
		}
		catch (MailException ex) {
			throw new DeliveryFailedException("Mail relay refused: " + ex.getMessage(), ex);
		}
	}

}
