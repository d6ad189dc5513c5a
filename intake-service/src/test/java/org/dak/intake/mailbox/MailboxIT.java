package org.dak.intake.mailbox;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.activation.DataHandler;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.bson.Document;
import org.dak.intake.complaint.ItemReceiver;
import org.dak.testsupport.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;

@ServiceIntegrationTest
class MailboxIT {

	static final String BOX = "complaints@dak.local";

	@RegisterExtension
	static GreenMailExtension mail = new GreenMailExtension(new com.icegreen.greenmail.util.ServerSetup[] {
			ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.IMAP.dynamicPort() })
		.withConfiguration(GreenMailConfiguration.aConfig().withUser(BOX, BOX, "box-password"))
		.withPerMethodLifecycle(false);

	@Autowired
	MailboxPoller poller;

	@Autowired
	MongoTemplate mongo;

	@MockitoSpyBean
	ItemReceiver receiver;

	@Test
	void messagesBecomeItemsWithAttachmentsAndARestartNeitherLosesNorRepeatsOne() throws Exception {
		MailboxProperties.Mailbox box = new MailboxProperties.Mailbox("complaints", "127.0.0.1",
				mail.getImap().getPort(), false, BOX, "box-password", "INBOX", "EMAIL");
		deliver(message("<m1@citizen.example>", "सड़क पर जलजमाव", "गाँव की मुख्य सड़क पर पानी भरा है।", true));
		deliver(html("<m2@citizen.example>", "Hand pump broken",
				"<html><body><p>The hand pump in <b>ward 4</b> is broken.</p><script>x()</script></body></html>"));

		assertThat(this.poller.poll(box)).isEqualTo(2);
		assertThat(items("<m1@citizen.example>")).singleElement().satisfies((item) -> {
			assertThat(item.getString("subject")).isEqualTo("सड़क पर जलजमाव");
			assertThat(item.get("applicant", Document.class).getString("email")).isEqualTo("ravi@citizen.example");
			assertThat(item.get("applicant", Document.class).getString("name")).isEqualTo("रवि कुमार");
			assertThat(item.getList("attachments", Document.class)).extracting((a) -> a.getString("filename"))
				.containsExactly("photo.pdf");
			assertThat(item.getString("description")).contains("Not attached").contains("notes.docx");
		});
		assertThat(items("<m2@citizen.example>").get(0).getString("description"))
			.isEqualTo("The hand pump in ward 4 is broken.");

		// a crash after the item was stored but before the message was marked read
		markUnread("<m1@citizen.example>");
		deliver(message("<m3@citizen.example>", "राशन नहीं मिला", "दो महीने से राशन नहीं मिला।", false));

		assertThat(this.poller.poll(box)).isEqualTo(1);
		assertThat(items("<m1@citizen.example>")).hasSize(1);
		assertThat(items("<m3@citizen.example>")).hasSize(1);
		assertThat(this.poller.poll(box)).isZero();
	}

	@Test
	void aMessageWhoseItemCouldNotBeStoredIsTakenAtTheNextPoll() throws Exception {
		MailboxProperties.Mailbox box = new MailboxProperties.Mailbox("complaints", "127.0.0.1",
				mail.getImap().getPort(), false, BOX, "box-password", "INBOX", "EMAIL");
		this.poller.poll(box);
		deliver(message("<m4@citizen.example>", "बिजली का खंभा गिरा", "खंभा सड़क पर गिरा है।", true));
		// the database is away while the message is read
		doThrow(new DataAccessResourceFailureException("Timeout while receiving message")).doCallRealMethod()
			.when(this.receiver)
			.receive(any());

		assertThatThrownBy(() -> this.poller.poll(box)).isInstanceOf(DataAccessResourceFailureException.class);
		assertThat(items("<m4@citizen.example>")).isEmpty();

		assertThat(this.poller.poll(box)).isEqualTo(1);
		assertThat(items("<m4@citizen.example>")).hasSize(1);
	}

	@Test
	void aMessageThatCannotBeReadIsSetAsideAndTheNextOneIsTakenOnTheSamePoll() throws Exception {
		MailboxProperties.Mailbox box = new MailboxProperties.Mailbox("complaints", "127.0.0.1",
				mail.getImap().getPort(), false, BOX, "box-password", "INBOX", "EMAIL");
		this.poller.poll(box);
		// multipart/mixed whose body never has its boundary line: the mail library
		// cannot read it
		String broken = """
				Message-ID: <broken@citizen.example>
				From: Somebody <somebody@citizen.example>
				To: complaints@dak.local
				Subject: =?UTF-8?B?4KSo4KS+4KSy4KS+IOCkrOCkguCkpg==?=
				MIME-Version: 1.0
				Content-Type: multipart/mixed; boundary="never-there"

				This text has no boundary line at all.
				""".replace("\n", "\r\n");
		mail.getUserManager()
			.getUser(BOX)
			.deliver(new MimeMessage(Session.getInstance(new Properties()),
					new ByteArrayInputStream(broken.getBytes(StandardCharsets.US_ASCII))));
		deliver(message("<m5@citizen.example>", "नाला बंद है", "मोहल्ले का नाला बंद है।", false));

		assertThat(this.poller.poll(box)).as("the good message, on the same poll").isEqualTo(1);
		assertThat(items("<m5@citizen.example>")).hasSize(1);
		assertThat(items("<broken@citizen.example>")).isEmpty();
		Flags flags = flagsOf("<broken@citizen.example>");
		assertThat(flags.contains(Flags.Flag.FLAGGED)).as("flagged for a clerk").isTrue();
		assertThat(flags.contains(Flags.Flag.SEEN)).as("not read again at every poll").isTrue();
		assertThat(flags.contains(MailboxPoller.UNREADABLE)).isTrue();
		assertThat(this.poller.poll(box)).isZero();
	}

	private static Flags flagsOf(String messageId) throws Exception {
		Store store = Session.getInstance(new Properties()).getStore("imap");
		store.connect("127.0.0.1", mail.getImap().getPort(), BOX, "box-password");
		try {
			Folder inbox = store.getFolder("INBOX");
			inbox.open(Folder.READ_ONLY);
			for (Message message : inbox.getMessages()) {
				String[] ids = message.getHeader("Message-ID");
				if (ids != null && messageId.equals(ids[0])) {
					return message.getFlags();
				}
			}
			throw new AssertionError("no message " + messageId);
		}
		finally {
			store.close();
		}
	}

	private List<Document> items(String messageId) {
		return this.mongo.find(Query.query(Criteria.where("channelReference").is(messageId)), Document.class,
				"complaints");
	}

	private static MimeMessage message(String id, String subject, String text, boolean withFiles) throws Exception {
		MimeMessage message = new FixedIdMessage(id);
		message.setFrom(new InternetAddress("ravi@citizen.example", "रवि कुमार", "UTF-8"));
		message.setRecipients(Message.RecipientType.TO, BOX);
		message.setSubject(subject, "UTF-8");
		MimeMultipart parts = new MimeMultipart();
		MimeBodyPart body = new MimeBodyPart();
		body.setText(text, "UTF-8");
		parts.addBodyPart(body);
		if (withFiles) {
			parts.addBodyPart(file("photo.pdf", "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)));
			parts.addBodyPart(file("notes.docx", new byte[] { 'P', 'K', 3, 4, 0 }));
		}
		message.setContent(parts);
		return message;
	}

	private static MimeMessage html(String id, String subject, String html) throws Exception {
		MimeMessage message = new FixedIdMessage(id);
		message.setFrom(new InternetAddress("sita@citizen.example"));
		message.setRecipients(Message.RecipientType.TO, BOX);
		message.setSubject(subject, "UTF-8");
		message.setContent(html, "text/html; charset=UTF-8");
		return message;
	}

	private static MimeBodyPart file(String name, byte[] content) throws Exception {
		MimeBodyPart part = new MimeBodyPart();
		part.setDataHandler(new DataHandler(new ByteArrayDataSource(content, "application/octet-stream")));
		part.setFileName(name);
		return part;
	}

	private static void deliver(MimeMessage message) throws Exception {
		message.saveChanges();
		mail.getUserManager().getUser(BOX).deliver(message);
	}

	private static void markUnread(String messageId) throws Exception {
		Store store = Session.getInstance(new Properties()).getStore("imap");
		store.connect("127.0.0.1", mail.getImap().getPort(), BOX, "box-password");
		Folder inbox = store.getFolder("INBOX");
		inbox.open(Folder.READ_WRITE);
		for (Message message : inbox.getMessages()) {
			if (messageId.equals(((MimeMessage) message).getMessageID())) {
				message.setFlag(Flags.Flag.SEEN, false);
			}
		}
		inbox.close(false);
		store.close();
	}

	/**
	 * A message whose Message-ID is the one given, as a sender's mail program sets it.
	 */
	static class FixedIdMessage extends MimeMessage {

		private final String id;

		FixedIdMessage(String id) {
			super(Session.getInstance(new Properties()));
			this.id = id;
		}

		@Override
		protected void updateMessageID() throws jakarta.mail.MessagingException {
			setHeader("Message-ID", this.id);
		}

	}

}
