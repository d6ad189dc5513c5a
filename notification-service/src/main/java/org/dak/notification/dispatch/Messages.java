package org.dak.notification.dispatch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dak.contracts.ComplaintReceived;
import org.dak.contracts.ComplaintRouted;
import org.dak.contracts.DeadlineBreached;
import org.dak.contracts.DeadlineNeared;
import org.dak.contracts.OneTimeCodeIssued;
import org.dak.contracts.StatusUpdated;
import org.dak.contracts.ItemStatus;
import org.dak.notification.NotificationProperties;
import org.dak.notification.template.Template;
import org.dak.notification.template.Templates;

import org.springframework.stereotype.Component;

/**
 * Which messages each event calls for, to whom, in which language and with which values.
 * The words are the templates' ({@code templates.yml}).
 */
@Component
class Messages {

	private final String office;

	private final String dmEmail;

	private final Templates templates;

	private final Preferences preferences;

	Messages(NotificationProperties properties, Templates templates, Preferences preferences) {
		this.office = properties.officeName();
		this.dmEmail = properties.dmEmail();
		this.templates = templates;
		this.preferences = preferences;
	}

	List<Message> received(ComplaintReceived event, ApplicantContact contact) {
		return toApplicant(contact, Template.RECEIVED, Map.of("subject", event.subject()));
	}

	List<Message> routed(ComplaintRouted event, ApplicantContact contact, List<String> copyEmails) {
		List<Message> messages = new ArrayList<>(toApplicant(contact, Template.MARKED, Map.of("department",
				"en".equals(contact.language()) ? event.departmentName() : event.departmentNameHi())));
		Map<String, String> values = officerValues(event.complaintId());
		values.put("subject", contact.subject());
		values.put("department", event.departmentNameHi() + " / " + event.departmentName());
		values.put("instructions", event.instructions());
		values.put("dueDate", (event.dueDate() != null) ? event.dueDate().toString() : null);
		if (event.departmentEmail() != null) {
			messages.add(Message.email(Template.OFFICER_MARKED, "hi", event.departmentEmail(), values));
		}
		for (String copy : copyEmails) {
			messages.add(Message.email(Template.OFFICER_MARKED, "hi", copy, values));
		}
		return messages;
	}

	List<Message> statusUpdated(StatusUpdated event, ApplicantContact contact) {
		return template(event).map((template) -> toApplicant(contact, template, noteOf(event))).orElse(List.of());
	}

	/**
	 * The template a status change calls for; working steps inside the office call for
	 * none.
	 */
	static Optional<Template> template(StatusUpdated event) {
		if ("INTERIM_REPLY".equals(event.step())) {
			return Optional.of(Template.STATUS_INTERIM_REPLY);
		}
		if (event.step() != null && !"ACKNOWLEDGED".equals(event.step())) {
			// forwarding and action taken are internal; a refused decision of the
			// DM's desk changed nothing the applicant was told
			return Optional.empty();
		}
		return ItemStatus.of(event.status()).flatMap((status) -> switch (status) {
			case IN_PROGRESS -> Optional.of(Template.STATUS_IN_PROGRESS);
			case DISPOSED -> Optional.of(Template.STATUS_DISPOSED);
			case REJECTED -> Optional.of(Template.STATUS_REJECTED);
			// MARKED is told from complaint-routed; RETURNED and RECALLED go back to
			// the DM; CLOSED and REOPENED come from the applicant: not news for them
			default -> Optional.empty();
		});
	}

	/**
	 * The one-time code the applicant asked for, on the channel they chose if they have
	 * it, else the other. Asked for, so sent whatever their opt-outs say.
	 */
	List<Message> oneTimeCode(OneTimeCodeIssued event, ApplicantContact contact, String code) {
		Map<String, String> values = new HashMap<>();
		values.put("receiptNumber", contact.complaintId());
		values.put("code", code);
		values.put("minutes", String
			.valueOf(Math.max(1, java.time.Duration.between(event.occurredAt(), event.expiresAt()).toMinutes())));
		values.put("office", this.office);
		boolean email = contact.email() != null && ("EMAIL".equals(event.channel()) || contact.mobile() == null);
		if (email) {
			return List.of(Message.email(Template.ONE_TIME_CODE, contact.language(), contact.email(), values));
		}
		return (contact.mobile() != null)
				? List.of(Message.sms(Template.ONE_TIME_CODE, contact.language(), contact.mobile(), values))
				: List.of();
	}

	List<Message> deadlineNeared(DeadlineNeared event, String officerEmail, String department) {
		if (officerEmail == null) {
			return List.of();
		}
		Map<String, String> values = officerValues(event.complaintId());
		values.put("department", department);
		values.put("dueDate", event.dueDate().toString());
		values.put("percent", String.valueOf(event.percentElapsed()));
		values.put("daysLeft", String.valueOf(event.workingDaysLeft()));
		return List.of(Message.email(Template.DEADLINE_REMINDER, "hi", officerEmail, values));
	}

	List<Message> deadlineBreached(DeadlineBreached event, String department) {
		Map<String, String> values = officerValues(event.complaintId());
		values.put("department", department);
		values.put("dueDate", event.dueDate().toString());
		values.put("status", event.status());
		return List.of(Message.email(Template.DEADLINE_ESCALATION, "hi", this.dmEmail, values));
	}

	/** The same message on the other channel, if the applicant can be reached there. */
	Optional<Message> fallback(Notification failed, ApplicantContact contact) {
		Template template = Template.ofKey(failed.template());
		if ("SMS".equals(failed.channel()) && contact.email() != null) {
			return Optional.of(Message.email(template, failed.language(), contact.email(), failed.values()));
		}
		if ("EMAIL".equals(failed.channel()) && contact.mobile() != null && this.templates.hasSms(template)) {
			return Optional.of(Message.sms(template, failed.language(), contact.mobile(), failed.values()));
		}
		return Optional.empty();
	}

	private Map<String, String> officerValues(String complaintId) {
		Map<String, String> values = new HashMap<>();
		values.put("receiptNumber", complaintId);
		values.put("office", this.office);
		return values;
	}

	private static Map<String, String> noteOf(StatusUpdated event) {
		return (event.note() != null) ? Map.of("note", event.note()) : Map.of();
	}

	/**
	 * The receipt goes by SMS and e-mail; every later message on one channel: SMS where
	 * there is a mobile the applicant has not opted out of, else e-mail. If that fails
	 * for good, the other channel is tried ({@link Fallbacks}).
	 */
	private List<Message> toApplicant(ApplicantContact contact, Template template, Map<String, String> extra) {
		Map<String, String> values = new HashMap<>(extra);
		values.put("name", contact.name());
		values.put("receiptNumber", contact.complaintId());
		values.put("trackingUrl", contact.trackingUrl());
		values.put("office", this.office);
		boolean receipt = template == Template.RECEIVED;
		boolean sms = contact.mobile() != null && this.templates.hasSms(template)
				&& (receipt || !this.preferences.optedOut(contact.complaintId(), "SMS"));
		List<Message> messages = new ArrayList<>();
		if (sms) {
			messages.add(Message.sms(template, contact.language(), contact.mobile(), values));
		}
		if (contact.email() != null && (receipt || !sms)) {
			messages.add(Message.email(template, contact.language(), contact.email(), values));
		}
		return messages;
	}

}
