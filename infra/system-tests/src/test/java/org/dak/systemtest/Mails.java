package org.dak.systemtest;

import java.io.UnsupportedEncodingException;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** Sends an e-mail as a citizen's mail program would, in UTF-8. */
final class Mails {

	private Mails() {
	}

	static void send(Session session, String from, String name, String to, String subject, String text) {
		try {
			MimeMessage message = new MimeMessage(session);
			message.setFrom(new InternetAddress(from, name, "UTF-8"));
			message.setRecipients(Message.RecipientType.TO, to);
			message.setSubject(subject, "UTF-8");
			message.setText(text, "UTF-8");
			Transport.send(message);
		}
		catch (MessagingException | UnsupportedEncodingException ex) {
			throw new IllegalStateException("Cannot send the e-mail " + subject, ex);
		}
	}

}
