package org.dak.notification.dispatch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.dak.contracts.ComplaintReceived;
import org.dak.contracts.ComplaintRouted;
import org.dak.contracts.StatusUpdated;
import org.dak.notification.NotificationProperties;

import org.springframework.stereotype.Component;

/**
 * The messages each event produces: to the applicant in their language (Hindi unless they
 * chose English) by SMS and e-mail, and to the department's office head when an item is
 * marked to them.
 */
@Component
class Messages {

	private static final Map<String, String[]> STATUS_TEXT = Map.of("IN_PROGRESS",
			new String[] { "पर कार्यवाही प्रारंभ हो गई है", "is being acted upon" }, "DISPOSED",
			new String[] { "का निष्पादन कर दिया गया है", "has been disposed of" }, "REJECTED",
			new String[] { "अस्वीकृत कर दिया गया है", "has been rejected" });

	private static final String[] INTERIM_REPLY_TEXT = { "पर विभाग का अंतरिम उत्तर:", "has an interim reply:" };

	private final String office;

	Messages(NotificationProperties properties) {
		this.office = properties.officeName();
	}

	List<Message> received(ComplaintReceived event, ApplicantContact contact) {
		String hi = "आपका आवेदन प्राप्त हुआ। पावती संख्या %s। स्थिति देखें: %s - %s".formatted(event.receiptNumber(),
				contact.trackingUrl(), this.office);
		String en = "Your application is received. Receipt no. %s. Track it: %s - %s".formatted(event.receiptNumber(),
				contact.trackingUrl(), this.office);
		String subjectHi = "पावती: आपका आवेदन %s प्राप्त हुआ".formatted(event.receiptNumber());
		String subjectEn = "Receipt: your application %s is received".formatted(event.receiptNumber());
		return toApplicant(contact, "receipt", hi, en, subjectHi, subjectEn, "\n\nविषय / Subject: " + event.subject());
	}

	List<Message> routed(ComplaintRouted event, ApplicantContact contact) {
		String hi = "आपका आवेदन %s कार्यवाही हेतु %s को भेजा गया है। स्थिति: %s".formatted(event.complaintId(),
				event.departmentNameHi(), contact.trackingUrl());
		String en = "Your application %s has been sent to %s for action. Track: %s".formatted(event.complaintId(),
				event.departmentName(), contact.trackingUrl());
		List<Message> messages = new ArrayList<>(
				toApplicant(contact, "marked", hi, en, "आवेदन %s विभाग को भेजा गया".formatted(event.complaintId()),
						"Application %s sent to the department".formatted(event.complaintId()), ""));
		if (event.departmentEmail() != null) {
			String body = """
					नया आवेदन आपको चिह्नित किया गया है / A new item has been marked to you.

					पावती संख्या / Receipt no.: %s
					विभाग / Department: %s / %s
					निर्देश / Instructions: %s
					निष्पादन तिथि / Due by: %s

					- %s
					""".formatted(event.complaintId(), event.departmentNameHi(), event.departmentName(),
					(event.instructions() != null) ? event.instructions() : "-",
					(event.dueDate() != null) ? event.dueDate() : "-", this.office);
			messages.add(Message.email("OFFICER", "officer-marked", event.departmentEmail(),
					"नया आवेदन / New item marked: " + event.complaintId(), body));
		}
		return messages;
	}

	List<Message> statusUpdated(StatusUpdated event, ApplicantContact contact) {
		boolean interimReply = "INTERIM_REPLY".equals(event.step());
		if ("FORWARDED".equals(event.step()) || "ACTION_TAKEN".equals(event.step())) {
			// the department's own working steps: the applicant hears of their outcome
			return List.of();
		}
		String[] text = interimReply ? INTERIM_REPLY_TEXT : STATUS_TEXT.get(event.status());
		if (text == null) {
			// RETURNED goes back to the DM: an internal step, not news for the applicant
			return List.of();
		}
		String note = (event.note() != null && (interimReply || !"IN_PROGRESS".equals(event.status())))
				? " " + event.note() : "";
		String template = interimReply ? "status-interim-reply" : "status-" + event.status().toLowerCase();
		String hi = "आपके आवेदन %s %s।%s स्थिति: %s".formatted(event.complaintId(), text[0], note,
				contact.trackingUrl());
		String en = "Your application %s %s.%s Track: %s".formatted(event.complaintId(), text[1], note,
				contact.trackingUrl());
		return toApplicant(contact, template, hi, en, "आवेदन %s: %s".formatted(event.complaintId(), text[0]),
				"Application %s %s".formatted(event.complaintId(), text[1]), "");
	}

	private List<Message> toApplicant(ApplicantContact contact, String template, String hi, String en, String subjectHi,
			String subjectEn, String emailExtra) {
		boolean english = "en".equals(contact.language());
		String text = english ? en : hi;
		List<Message> messages = new ArrayList<>();
		if (contact.mobile() != null) {
			messages.add(Message.sms("APPLICANT", template, contact.mobile(), text));
		}
		if (contact.email() != null) {
			String greeting = english ? "Dear " + contact.name() + ",\n\n" : "प्रिय " + contact.name() + ",\n\n";
			messages.add(Message.email("APPLICANT", template, contact.email(), english ? subjectEn : subjectHi,
					greeting + text + emailExtra + "\n"));
		}
		return messages;
	}

}
