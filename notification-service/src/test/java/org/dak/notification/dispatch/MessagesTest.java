package org.dak.notification.dispatch;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dak.contracts.DeadlineBreached;
import org.dak.contracts.GoldenSamples;
import org.dak.contracts.StatusUpdated;
import org.dak.notification.NotificationProperties;
import org.dak.notification.template.Template;
import org.dak.notification.template.Templates;
import org.dak.notification.template.ShippedTemplates;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MessagesTest {

	private final Set<String> optedOut = new HashSet<>();

	private final Templates templates;

	private final Messages messages;

	private final ApplicantContact hindi = new ApplicantContact("NAL-2026-000123-C", "सुनीता देवी", "9876543210",
			"sunita@example.in", "hi", "http://localhost:8080/track/NAL-2026-000123-C?code=X", "hash",
			"राशन कार्ड में नाम", null, null);

	private final ApplicantContact englishEmailOnly = new ApplicantContact("NAL-2026-000123-C", "Ram Kumar", null,
			"ram@example.in", "en", "http://localhost:8080/track/NAL-2026-000123-C?code=X", "hash", "ration card", null,
			null);

	MessagesTest() throws Exception {
		this.templates = new Templates(ShippedTemplates.properties());
		NotificationProperties properties = new NotificationProperties("dak@collectorate.local",
				"Collectorate, Nalanda", "dm.nalanda@dak.local",
				new NotificationProperties.Sms(URI.create("http://sms"), "", "Authorization", "DAKNAL", "json",
						Map.of(), "+91", "", null, null, 20, 4),
				null, null, null, null);
		Preferences preferences = new Preferences(null) {
			@Override
			boolean optedOut(String complaintId, String channel) {
				return MessagesTest.this.optedOut.contains(channel + ":" + complaintId);
			}
		};
		this.messages = new Messages(properties, this.templates, preferences);
	}

	@Test
	void theReceiptGoesBySmsAndEmailInTheApplicantsLanguageWithEveryPlaceholderFilled() {
		List<Message> sent = this.messages.received(GoldenSamples.complaintReceived(), this.hindi);

		assertThat(sent).extracting(Message::channel).containsExactly("SMS", "EMAIL");
		Templates.Rendered sms = render(sent.get(0));
		Templates.Rendered email = render(sent.get(1));
		assertThat(sms.sms()).isEqualTo("आपका आवेदन प्राप्त हुआ। पावती संख्या NAL-2026-000123-C। स्थिति देखें: "
				+ this.hindi.trackingUrl() + " - Collectorate, Nalanda");
		assertThat(email.subject()).isEqualTo("पावती: आपका आवेदन NAL-2026-000123-C प्राप्त हुआ");
		assertThat(email.text()).startsWith("प्रिय सुनीता देवी").contains("राशन कार्ड में नाम जोड़ने हेतु आवेदन");
	}

	@Test
	void laterNewsGoesBySmsOnlyOrByEmailInEnglishWhenThereIsNoMobile() {
		StatusUpdated disposed = GoldenSamples.statusUpdated();

		List<Message> toHindi = this.messages.statusUpdated(disposed, this.hindi);
		List<Message> toEnglish = this.messages.statusUpdated(disposed, this.englishEmailOnly);

		assertThat(toHindi).extracting(Message::channel).containsExactly("SMS");
		assertThat(render(toHindi.get(0)).sms()).contains("का निष्पादन कर दिया गया है",
				"नाम जोड़ दिए गए हैं; नया राशन कार्ड प्रखंड कार्यालय से प्राप्त करें।");
		assertThat(toEnglish).singleElement().satisfies((message) -> {
			assertThat(message.channel()).isEqualTo("EMAIL");
			assertThat(render(message).text()).startsWith("Dear Ram Kumar").contains("has been disposed of");
		});
	}

	@Test
	void anApplicantWhoOptedOutOfSmsHearsByEmailButStillGetsTheReceiptBySms() {
		this.optedOut.add("SMS:" + this.hindi.complaintId());

		assertThat(this.messages.statusUpdated(GoldenSamples.statusUpdated(), this.hindi)).extracting(Message::channel)
			.containsExactly("EMAIL");
		assertThat(this.messages.received(GoldenSamples.complaintReceived(), this.hindi)).extracting(Message::channel)
			.containsExactly("SMS", "EMAIL");
	}

	@Test
	void markingTellsTheApplicantAndMailsTheOfficeHeadAndTheCopies() {
		List<Message> sent = this.messages.routed(GoldenSamples.complaintRouted(), this.hindi,
				List.of("welfare.nalanda@dak.local"));

		assertThat(sent).extracting((m) -> m.channel() + "/" + m.audience() + "/" + m.to())
			.containsExactly("SMS/APPLICANT/9876543210", "EMAIL/OFFICER/dso.nalanda@dak.local",
					"EMAIL/OFFICER/welfare.nalanda@dak.local");
		assertThat(render(sent.get(0)).sms()).contains("जिला आपूर्ति कार्यालय");
		assertThat(render(sent.get(1)).text()).contains("NAL-2026-000123-C", "जिला आपूर्ति कार्यालय", "2026-12-15",
				"कृपया 7 दिनों में जाँच कर प्रतिवेदन दें।", "राशन कार्ड में नाम");
	}

	@Test
	void remindersGoToTheOfficeAndEscalationsToTheDm() {
		List<Message> reminder = this.messages.deadlineNeared(GoldenSamples.deadlineNeared(), "dso.nalanda@dak.local",
				"जिला आपूर्ति कार्यालय");
		DeadlineBreached breached = GoldenSamples.deadlineBreached();
		List<Message> escalation = this.messages.deadlineBreached(breached, "जिला आपूर्ति कार्यालय");

		assertThat(render(reminder.get(0)).text()).contains("80%", "2027-02-24", "12 कार्य दिवस शेष");
		assertThat(escalation).singleElement().satisfies((message) -> {
			assertThat(message.to()).isEqualTo("dm.nalanda@dak.local");
			assertThat(message.template()).isEqualTo(Template.DEADLINE_ESCALATION);
			assertThat(render(message).subject()).contains("NAL-2026-000123-C", "जिला आपूर्ति कार्यालय");
		});
	}

	@Test
	void aReturnToTheDmAndTheOfficesOwnWorkingStepsAreNotNewsButAnInterimReplyIs() {
		StatusUpdated returned = new StatusUpdated("e", "NAL-2026-000123-C", null, "RETURNED", "MARKED", "SUPPLY",
				"wrong department", "SUPPLY", null, null, 1);
		StatusUpdated forwarded = new StatusUpdated("f", "NAL-2026-000123-C", null, "IN_PROGRESS", "IN_PROGRESS",
				"SUPPLY", "स्थल जाँच करें", "dso", "FORWARDED", "BLOCK_RAJGIR", 1);
		StatusUpdated interim = new StatusUpdated("i", "NAL-2026-000123-C", null, "IN_PROGRESS", "IN_PROGRESS",
				"SUPPLY", "जाँच प्रखंड कार्यालय में जारी है", "dso", "INTERIM_REPLY", null, 1);

		assertThat(this.messages.statusUpdated(returned, this.hindi)).isEmpty();
		assertThat(this.messages.statusUpdated(forwarded, this.hindi)).isEmpty();
		assertThat(this.messages.statusUpdated(interim, this.hindi)).singleElement()
			.satisfies((message) -> assertThat(render(message).sms()).contains("अंतरिम उत्तर",
					"जाँच प्रखंड कार्यालय में जारी है"));
	}

	@Test
	void aRefusedDecisionAndTheMarkingAsTrackingAnnouncesItAreNotNewsAgain() {
		StatusUpdated refused = new StatusUpdated("r", "NAL-2026-000123-C", null, "DISPOSED", "DISPOSED", "SUPPLY",
				"Not marked to POLICE: the item is DISPOSED.", "dm", "MARKING_REFUSED", null, 3);
		StatusUpdated marked = new StatusUpdated("m", "NAL-2026-000123-C", null, "MARKED", "RECEIVED", "SUPPLY", null,
				"dm", null, null, 1);

		assertThat(this.messages.statusUpdated(refused, this.hindi)).isEmpty();
		assertThat(this.messages.statusUpdated(marked, this.hindi)).isEmpty();
	}

	private Templates.Rendered render(Message message) {
		return this.templates.render(message.template(), message.language(), message.values());
	}

}
