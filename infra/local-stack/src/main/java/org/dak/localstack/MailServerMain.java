package org.dak.localstack;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * A local mail server (GreenMail): SMTP for the services to send through, IMAP for a mail
 * client, and a web inbox at {@code GET /} that lists every message (as JSON at
 * {@code GET /api/messages}: recipients and subject). Any address receives mail; an IMAP
 * login is the address with itself as password. Arguments: SMTP port, IMAP port, web
 * port. Mail is kept in memory.
 */
public final class MailServerMain {

	/** The complaints address of the local office. */
	public static final String COMPLAINTS = "complaints@dak.local";

	/** Where the local fax-to-mail gateway delivers. */
	public static final String FAXES = "fax@dak.local";

	private MailServerMain() {
	}

	public static void main(String[] args) throws IOException {
		int smtp = Integer.parseInt(args[0]);
		int imap = Integer.parseInt(args[1]);
		int web = Integer.parseInt(args[2]);
		GreenMail mail = new GreenMail(
				new ServerSetup[] { new ServerSetup(smtp, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
						new ServerSetup(imap, "127.0.0.1", ServerSetup.PROTOCOL_IMAP) })
			.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
		mail.start();
		// the office's inboxes the intake service reads: complaints by e-mail, and
		// fax-to-mail
		mail.setUser(COMPLAINTS, COMPLAINTS, "complaints");
		mail.setUser(FAXES, FAXES, "faxes");
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", web), 0);
		server.createContext("/api/messages", (exchange) -> {
			StringBuilder list = new StringBuilder("[");
			for (MimeMessage message : mail.getReceivedMessages()) {
				list.append((list.length() > 1) ? "," : "").append(json(message));
			}
			byte[] bytes = list.append(']').toString().getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		});
		server.createContext("/", (exchange) -> {
			StringBuilder page = new StringBuilder("""
					<!doctype html><html lang="hi"><head><meta charset="utf-8"><title>Local mail</title>
					<style>body{font-family:system-ui,"Noto Sans Devanagari",sans-serif;margin:1rem}
					article{border:1px solid #ddd;border-radius:.3rem;padding:.6rem;margin:.6rem 0}
					pre{white-space:pre-wrap;font-family:inherit}</style></head>
					<body><h1>Local mail · ई-मेल</h1><p>Every e-mail the services sent, newest first.</p>
					""");
			MimeMessage[] messages = mail.getReceivedMessages();
			for (int i = messages.length - 1; i >= 0; i--) {
				page.append(article(messages[i]));
			}
			page.append("</body></html>");
			byte[] bytes = page.toString().getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
			exchange.sendResponseHeaders(200, bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		});
		server.start();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			server.stop(0);
			mail.stop();
		}, "mail-shutdown"));
		System.out.println(
				"Mail: SMTP 127.0.0.1:" + smtp + ", IMAP 127.0.0.1:" + imap + ", inbox http://127.0.0.1:" + web + "/");
	}

	private static String article(MimeMessage message) {
		try {
			StringBuilder to = new StringBuilder();
			for (Address address : message.getAllRecipients()) {
				to.append(address).append(' ');
			}
			Object content = message.getContent();
			String body = (content instanceof String text) ? text : GreenMailUtil.getBody(message);
			return "<article><b>" + escape(message.getSubject()) + "</b><br>To: " + escape(to.toString()) + " · "
					+ message.getSentDate() + "<pre>" + escape(body) + "</pre></article>";
		}
		catch (MessagingException | IOException ex) {
			return "<article>Unreadable message: " + escape(ex.getMessage()) + "</article>";
		}
	}

	private static String json(MimeMessage message) {
		try {
			StringBuilder to = new StringBuilder();
			for (Address address : (message.getAllRecipients() != null) ? message.getAllRecipients() : new Address[0]) {
				to.append((to.length() > 0) ? "," : "").append(quote(address.toString()));
			}
			return "{\"to\":[" + to + "],\"subject\":" + quote(message.getSubject()) + "}";
		}
		catch (MessagingException ex) {
			return "{\"to\":[],\"unreadable\":" + quote(ex.getMessage()) + "}";
		}
	}

	private static String quote(String text) {
		if (text == null) {
			return "null";
		}
		StringBuilder quoted = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			if (c == '"' || c == '\\') {
				quoted.append('\\').append(c);
			}
			else if (c < 0x20) {
				quoted.append("\\u%04x".formatted((int) c));
			}
			else {
				quoted.append(c);
			}
		}
		return quoted.append('"').toString();
	}

	private static String escape(String text) {
		return (text == null) ? ""
				: text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

}
