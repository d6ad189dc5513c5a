package org.dak.notification.template;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplatesTest {

	@Test
	void theShippedTemplatesPassTheStartUpCheckAndFillEveryPlaceholder() throws Exception {
		Templates templates = new Templates(ShippedTemplates.properties());

		Templates.Rendered hindi = templates.render(Template.STATUS_DISPOSED, "hi",
				Map.of("name", "सुनीता देवी", "receiptNumber", "NAL-2026-000123-K", "note", "नाम जोड़ दिए गए",
						"trackingUrl", "http://x/track/NAL-2026-000123-K?code=A", "office", "समाहरणालय, नालंदा"));
		Templates.Rendered english = templates.render(Template.STATUS_DISPOSED, "en",
				Map.of("name", "Sunita Devi", "receiptNumber", "NAL-2026-000123-K", "note", "names added",
						"trackingUrl", "http://x/track/NAL-2026-000123-K?code=A", "office", "Collectorate"));

		assertThat(hindi.sms()).isEqualTo(
				"आपके आवेदन NAL-2026-000123-K का निष्पादन कर दिया गया है। नाम जोड़ दिए गए स्थिति: http://x/track/NAL-2026-000123-K?code=A");
		assertThat(hindi.smsTemplateId()).matches("\\d{19}");
		assertThat(english.sms()).startsWith("Your application NAL-2026-000123-K has been disposed of. names added");
		assertThat(english.text()).contains("Dear Sunita Devi", "Action taken: names added").doesNotContain("{");
		assertThat(english.html()).contains("<a href=\"http://x/track/NAL-2026-000123-K?code=A\">");
		assertThat(templates.hasSms(Template.OFFICER_MARKED)).isFalse();
	}

	@Test
	void anUnknownPlaceholderAMissingTemplateOrALongSmsStopsStartUp() throws Exception {
		TemplateProperties shipped = ShippedTemplates.properties();
		Map<String, TemplateProperties.Texts> broken = new HashMap<>(shipped.templates());
		TemplateProperties.Texts received = broken.get("received");
		broken.put("received", new TemplateProperties.Texts(received.smsTemplateId(),
				new TemplateProperties.Version("पावती {receiptNo}", "s", "e"), received.en()));
		broken.remove("officer-digest");
		TemplateProperties.Texts marked = broken.get("marked");
		broken.put("marked", new TemplateProperties.Texts("123", marked.hi(),
				new TemplateProperties.Version("{department} ".repeat(40), "s", "e")));

		assertThatThrownBy(() -> new Templates(new TemplateProperties(broken, 4)))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("received.hi: unknown placeholder {receiptNo}")
			.hasMessageContaining("officer-digest: missing")
			.hasMessageContaining("marked: sms-template-id must be the 19-digit DLT template ID")
			.hasMessageContaining("marked.en: SMS of");
	}

}
