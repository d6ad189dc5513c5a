package org.dak.intake.mailbox;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.Address;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.FolderClosedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.StoreClosedException;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import org.dak.items.attachment.FileType;
import org.dak.items.attachment.Upload;
import org.dak.intake.complaint.IncomingItem;
import org.dak.intake.complaint.ItemReceiver;
import org.dak.platform.Problem;
import org.dak.platform.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Reads each configured mailbox and turns every unread message into an item: the sender
 * is the applicant, subject and text (HTML reduced to text) the complaint, accepted files
 * its attachments. A message is marked read only after its item is stored, and its
 * Message-ID makes the item unique, so a restart at any point neither loses nor repeats a
 * message. A file of another type, or too large, is left out with a note in the text: the
 * message itself is never refused for it.
 */
@Component
class MailboxPoller {

	private static final Logger log = LoggerFactory.getLogger(MailboxPoller.class);

	private static final int MAX_SUBJECT = 300;

	private static final int MAX_TEXT = 19_000;

	/** How often one poll connects again after the server dropped it mid-message. */
	private static final int MAX_CONNECTIONS_PER_POLL = 6;

	/** The keyword a message that cannot be read is flagged with. */
	static final String UNREADABLE = "DakUnreadable";

	private final MailboxProperties properties;

	private final ItemReceiver receiver;

	private final MeterRegistry meters;

	MailboxPoller(MailboxProperties properties, ItemReceiver receiver, MeterRegistry meters) {
		this.properties = properties;
		this.receiver = receiver;
		this.meters = meters;
	}

	@Scheduled(fixedDelayString = "${dak.intake.mail.poll-interval:30s}", initialDelayString = "5s")
	void pollAll() {
		for (MailboxProperties.Mailbox mailbox : this.properties.mailboxes()) {
			try {
				poll(mailbox);
			}
			catch (MessagingException | RuntimeException ex) {
				log.warn("Mailbox {} could not be read this time: {}", mailbox.name(), ex.toString());
			}
		}
	}

	/**
	 * Takes every unread message of the mailbox.
	 * @return how many items were newly created
	 */
	int poll(MailboxProperties.Mailbox mailbox) throws MessagingException {
		// the messages at which the server dropped the connection, and how often
		Map<Long, Integer> dropsAt = new HashMap<>();
		int created = 0;
		for (int connection = 1;; connection++) {
			Reading reading = new Reading();
			try {
				poll(mailbox, reading, dropsAt);
				return created + reading.created;
			}
			catch (FolderClosedException | StoreClosedException ex) {
				created += reading.created;
				if (reading.uid < 0 || connection >= MAX_CONNECTIONS_PER_POLL) {
					// the connection, not a message: the poll ends, the messages wait
					throw ex;
				}
				int drops = dropsAt.merge(reading.uid, 1, Integer::sum);
				log.warn("Mailbox {} dropped the connection while message UID {} was read ({} times); reconnecting",
						mailbox.name(), reading.uid, drops);
			}
		}
	}

	/** Where one connection's poll got to, for the next connection of the same poll. */
	private static final class Reading {

		long uid = -1;

		int created;

	}

	private void poll(MailboxProperties.Mailbox mailbox, Reading reading, Map<Long, Integer> dropsAt)
			throws MessagingException {
		Properties settings = new Properties();
		String protocol = mailbox.ssl() ? "imaps" : "imap";
		settings.put("mail.store.protocol", protocol);
		settings.put("mail." + protocol + ".connectiontimeout", "10000");
		settings.put("mail." + protocol + ".timeout", "20000");
		// reading a message must not mark it read: only a stored item does, or a message
		// read while the database is away would never be taken
		settings.put("mail." + protocol + ".peek", "true");
		Store store = Session.getInstance(settings).getStore(protocol);
		store.connect(mailbox.host(), mailbox.port(), mailbox.username(), mailbox.password());
		try {
			Folder folder = store.getFolder(mailbox.folder());
			folder.open(Folder.READ_WRITE);
			try {
				for (Message message : folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
					// a drop while its UID is asked for blames no message
					reading.uid = -1;
					reading.uid = (folder instanceof UIDFolder uids) ? uids.getUID(message) : -1;
					if (dropsAt.getOrDefault(reading.uid, 0) >= 2) {
						// the server itself cannot serve it: set aside unread
						setAside(mailbox, message, "the mail server dropped the connection each time it was read");
						continue;
					}
					IncomingItem item;
					try {
						item = item(mailbox, (MimeMessage) message);
					}
					catch (FolderClosedException | StoreClosedException ex) {
						throw ex;
					}
					catch (MessagingException | IOException | RuntimeException ex) {
						setAside(mailbox, message, ex.toString());
						continue;
					}
					reading.uid = -1;
					reading.created += take(mailbox, item) ? 1 : 0;
					message.setFlag(Flags.Flag.SEEN, true);
				}
			}
			finally {
				closeQuietly(folder);
			}
		}
		finally {
			store.close();
		}
	}

	private static void closeQuietly(Folder folder) {
		try {
			if (folder.isOpen()) {
				folder.close(false);
			}
		}
		catch (MessagingException ex) {
			log.debug("The folder could not be closed: {}", ex.toString());
		}
	}

	/**
	 * A message the mail library cannot read (a multipart without its boundary line, a
	 * broken encoding), or one the mail server drops the connection at twice, would
	 * otherwise stop the poll at the same place every time, and every later message would
	 * wait behind it for ever. It is set aside instead: marked read and flagged (starred,
	 * and with the keyword {@value #UNREADABLE}) for a clerk to open in the mail client,
	 * counted and logged with its reason; the poll goes on with the next message.
	 */
	private void setAside(MailboxProperties.Mailbox mailbox, Message message, String reason) throws MessagingException {
		String id = describe(message);
		log.warn("Message {} of mailbox {} cannot be read and is set aside (flagged '{}'): {}", id, mailbox.name(),
				UNREADABLE, reason);
		this.meters.counter("dak.intake.mail.messages", "mailbox", mailbox.name(), "outcome", "set-aside").increment();
		Flags flags = new Flags(Flags.Flag.FLAGGED);
		flags.add(Flags.Flag.SEEN);
		flags.add(UNREADABLE);
		message.setFlags(flags, true);
	}

	private static String describe(Message message) {
		try {
			String[] ids = message.getHeader("Message-ID");
			return (ids != null && ids.length > 0) ? ids[0] : "number " + message.getMessageNumber();
		}
		catch (MessagingException ex) {
			return "number " + message.getMessageNumber();
		}
	}

	private boolean take(MailboxProperties.Mailbox mailbox, IncomingItem item) {
		String messageId = item.channelReference();
		try {
			ItemReceiver.Received received = this.receiver.receive(item);
			this.meters
				.counter("dak.intake.mail.messages", "mailbox", mailbox.name(), "outcome",
						received.created() ? "created" : "already-taken")
				.increment();
			log.info("Message {} from mailbox {} is item {}", messageId, mailbox.name(), received.receiptNumber());
			return received.created();
		}
		catch (ItemReceiver.InvalidItemException | Problem | Refusal ex) {
			// a message that can never become an item is left read, and counted, not
			// retried for ever
			this.meters.counter("dak.intake.rejected", "reason", "invalid-mail").increment();
			log.warn("Message {} from mailbox {} cannot become an item: {}", messageId, mailbox.name(),
					ex.getMessage());
			return false;
		}
	}

	/** The item a message makes; throws if the message cannot be read. */
	private IncomingItem item(MailboxProperties.Mailbox mailbox, MimeMessage message)
			throws MessagingException, IOException {
		String messageId = message.getMessageID();
		if (messageId == null) {
			messageId = mailbox.name() + ":" + message.getFolder().getName() + ":" + message.getMessageNumber() + ":"
					+ message.getSentDate();
		}
		InternetAddress sender = sender(message);
		String senderName = (sender == null) ? "अज्ञात प्रेषक / Unknown sender"
				: (sender.getPersonal() != null && !sender.getPersonal().isBlank()) ? sender.getPersonal()
						: sender.getAddress();
		List<Upload> uploads = new ArrayList<>();
		List<String> leftOut = new ArrayList<>();
		StringBuilder text = new StringBuilder();
		read(message, text, uploads, leftOut);
		String body = text.toString().strip();
		if (!leftOut.isEmpty()) {
			body += "\n\n[Not attached (type or size not accepted): " + String.join(", ", leftOut) + "]";
		}
		String subject = (message.getSubject() != null && !message.getSubject().isBlank())
				? message.getSubject().strip() : "(बिना विषय / no subject)";
		return new IncomingItem(mailbox.channel(), senderName, null, (sender != null) ? sender.getAddress() : null,
				null, truncate(subject, MAX_SUBJECT),
				body.isEmpty() ? "(खाली संदेश / empty message)" : truncate(body, MAX_TEXT), truncate(messageId, 300),
				null, null, uploads);
	}

	private void read(Part part, StringBuilder text, List<Upload> uploads, List<String> leftOut)
			throws MessagingException, IOException {
		String filename = part.getFileName();
		if (part.isMimeType("multipart/alternative")) {
			Multipart alternatives = (Multipart) part.getContent();
			Part best = alternatives.getBodyPart(0);
			for (int i = 0; i < alternatives.getCount(); i++) {
				if (alternatives.getBodyPart(i).isMimeType("text/plain")) {
					best = alternatives.getBodyPart(i);
				}
			}
			read(best, text, uploads, leftOut);
		}
		else if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				read(multipart.getBodyPart(i), text, uploads, leftOut);
			}
		}
		else if (filename == null && part.isMimeType("text/plain")) {
			text.append(part.getContent()).append('\n');
		}
		else if (filename == null && part.isMimeType("text/html")) {
			text.append(htmlToText((String) part.getContent())).append('\n');
		}
		else if (filename != null || Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
			byte[] content = part.getInputStream().readAllBytes();
			String name = (filename != null) ? filename : "attachment";
			if (FileType.of(content).isPresent() && content.length <= 10 * 1024 * 1024 && uploads.size() < 10) {
				uploads.add(new Upload(name, content));
			}
			else {
				leftOut.add(name);
			}
		}
	}

	static String htmlToText(String html) {
		String text = html.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", " ")
			.replaceAll("(?i)<br\\s*/?>", "\n")
			.replaceAll("(?i)</(p|div|li|tr|h[1-6])>", "\n")
			.replaceAll("<[^>]+>", " ");
		return HtmlUtils.htmlUnescape(text)
			.replaceAll("[ \\t\\x0B\\f\\r]+", " ")
			.replaceAll(" *\n *", "\n")
			.replaceAll("\n{3,}", "\n\n")
			.strip();
	}

	private static InternetAddress sender(Message message) throws MessagingException {
		Address[] from = message.getFrom();
		return (from != null && from.length > 0 && from[0] instanceof InternetAddress address) ? address : null;
	}

	private static String truncate(String text, int max) {
		return (text.length() <= max) ? text : text.substring(0, max - 1) + "…";
	}

}
