package org.dak.notification.dispatch;

import java.net.URI;
import java.util.List;

import org.dak.contracts.GoldenSamples;
import org.dak.contracts.StatusUpdated;
import org.dak.notification.NotificationProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MessagesTest {

	private final Messages messages = new Messages(
			new NotificationProperties("dak@collectorate.local", "Collectorate, Nalanda",
					new NotificationProperties.Sms(URI.create("http://sms"), "", "DAKNAL", null, null), null, null));

	private final ApplicantContact hindi = new ApplicantContact("NAL-2026-000123-C", "सुनीता देवी", "9876543210",
			"sunita@example.in", "hi", "http://localhost:8080/track/NAL-2026-000123-C?code=X");

	private final ApplicantContact englishSmsOnly = new ApplicantContact("NAL-2026-000123-C", "Ram Kumar", "9876543210",
			null, "en", "http://localhost:8080/track/NAL-2026-000123-C?code=X");

	@Test
	void theReceiptGoesBySmsAndEmailInTheApplicantsLanguage() {
		List<Message> sent = this.messages.received(GoldenSamples.complaintReceived(), this.hindi);

		assertThat(sent).extracting(Message::channel).containsExactly("SMS", "EMAIL");
		assertThat(sent.get(0).text()).startsWith("आपका आवेदन प्राप्त हुआ। पावती संख्या NAL-2026-000123-C")
			.contains(this.hindi.trackingUrl());
		assertThat(sent.get(1).subject()).isEqualTo("पावती: आपका आवेदन NAL-2026-000123-C प्राप्त हुआ");
		assertThat(sent.get(1).text()).startsWith("प्रिय सुनीता देवी");
	}

	@Test
	void anApplicantWithoutEmailGetsOnlyTheSmsInEnglishIfTheyChoseIt() {
		List<Message> sent = this.messages.received(GoldenSamples.complaintReceived(), this.englishSmsOnly);

		assertThat(sent).singleElement()
			.satisfies((message) -> assertThat(message.text()).startsWith("Your application is received."));
	}

	@Test
	void markingTellsTheApplicantAndMailsTheOfficeHead() {
		List<Message> sent = this.messages.routed(GoldenSamples.complaintRouted(), this.hindi);

		assertThat(sent).extracting((m) -> m.channel() + "/" + m.audience())
			.containsExactly("SMS/APPLICANT", "EMAIL/APPLICANT", "EMAIL/OFFICER");
		Message officer = sent.get(2);
		assertThat(officer.to()).isEqualTo("dso.nalanda@dak.local");
		assertThat(officer.text()).contains("NAL-2026-000123-C", "जिला आपूर्ति कार्यालय", "2026-12-15",
				"कृपया 7 दिनों में जाँच कर प्रतिवेदन दें।");
	}

	@Test
	void disposalCarriesTheActionTaken() {
		List<Message> sent = this.messages.statusUpdated(GoldenSamples.statusUpdated(), this.hindi);

		assertThat(sent.get(0).text()).contains("का निष्पादन कर दिया गया है",
				"नाम जोड़ दिए गए हैं; नया राशन कार्ड प्रखंड कार्यालय से प्राप्त करें।");
	}

	@Test
	void aReturnToTheDmIsNotNewsForTheApplicant() {
		StatusUpdated returned = new StatusUpdated("e", "NAL-2026-000123-C", null, "RETURNED", "MARKED", "SUPPLY",
				"wrong department", "SUPPLY", null, null);

		assertThat(this.messages.statusUpdated(returned, this.hindi)).isEmpty();
	}

	@Test
	void anInterimReplyReachesTheApplicantAndOtherWorkingStepsDoNot() {
		StatusUpdated interim = new StatusUpdated("i", "NAL-2026-000123-C", null, "IN_PROGRESS", "IN_PROGRESS",
				"SUPPLY", "जाँच प्रखंड कार्यालय में जारी है", "dso", "INTERIM_REPLY", null);
		StatusUpdated forwarded = new StatusUpdated("f", "NAL-2026-000123-C", null, "IN_PROGRESS", "IN_PROGRESS",
				"SUPPLY", "स्थल जाँच करें", "dso", "FORWARDED", "BLOCK_RAJGIR");

		List<Message> sent = this.messages.statusUpdated(interim, this.hindi);

		assertThat(sent).isNotEmpty()
			.allSatisfy((message) -> assertThat(message.text()).contains("अंतरिम उत्तर",
					"जाँच प्रखंड कार्यालय में जारी है"));
		assertThat(this.messages.statusUpdated(forwarded, this.hindi)).isEmpty();
	}

}
