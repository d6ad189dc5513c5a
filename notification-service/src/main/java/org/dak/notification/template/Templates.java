package org.dak.notification.template;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The configured templates, checked once at start-up: every template the code sends is
 * there in Hindi and English, uses only the placeholders the code fills in, carries a DLT
 * template ID where it goes by SMS, and fits the SMS length allowed even with long
 * values.
 */
@Component
public class Templates {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

	/** Long values (Hindi where a person types) to measure the worst case with. */
	private static final Map<String, String> LONG_SAMPLES = Map.ofEntries(
			Map.entry("name", "श्रीमती सुनीता कुमारी देवी"), Map.entry("receiptNumber", "NAL-2026-000123-K"),
			Map.entry("trackingUrl", "https://dak.nalanda.bihar.gov.in/track/NAL-2026-000123-K?code=7QK3M9ZD2XWA4HPR"),
			Map.entry("office", "समाहरणालय, नालंदा"), Map.entry("department", "जिला आपूर्ति कार्यालय"),
			Map.entry("note", "नाम जोड़ दिए गए हैं; नया राशन कार्ड प्रखंड कार्यालय से प्राप्त करें।"),
			Map.entry("subject", "राशन कार्ड में नाम जोड़ने हेतु आवेदन"),
			Map.entry("instructions", "जाँच कर प्रतिवेदन दें"), Map.entry("dueDate", "2026-12-29"),
			Map.entry("percent", "80"), Map.entry("daysLeft", "12"), Map.entry("status", "IN_PROGRESS"),
			Map.entry("date", "2026-12-01"), Map.entry("items", "-"));

	private final TemplateProperties properties;

	public Templates(TemplateProperties properties) {
		this.properties = properties;
		List<String> problems = check();
		if (!problems.isEmpty()) {
			throw new IllegalStateException(
					"Message templates (dak.notification.templates) are wrong:\n - " + String.join("\n - ", problems));
		}
	}

	/**
	 * A message in one language, its placeholders filled.
	 *
	 * @param template which
	 * @param sms the SMS text, or {@code null} if the template has none
	 * @param smsTemplateId the DLT template ID
	 * @param subject the e-mail subject
	 * @param text the e-mail as plain text
	 * @param html the e-mail as HTML
	 */
	public record Rendered(Template template, String sms, String smsTemplateId, String subject, String text,
			String html) {
	}

	/**
	 * Fills a template in the given language ({@code en}, else Hindi). Values are text;
	 * in the HTML version they are escaped.
	 */
	public Rendered render(Template template, String language, Map<String, String> values) {
		TemplateProperties.Texts texts = this.properties.templates().get(template.key());
		TemplateProperties.Version version = "en".equals(language) ? texts.en() : texts.hi();
		String text = fill(version.email(), values);
		return new Rendered(template, (version.sms() != null) ? fill(version.sms(), values) : null,
				texts.smsTemplateId(), fill(version.subject(), values), text, html(version.email(), values));
	}

	/** Whether the template goes by SMS at all. */
	public boolean hasSms(Template template) {
		TemplateProperties.Texts texts = this.properties.templates().get(template.key());
		return texts.hi().sms() != null && texts.en().sms() != null;
	}

	private List<String> check() {
		List<String> problems = new ArrayList<>();
		for (Template template : Template.values()) {
			TemplateProperties.Texts texts = this.properties.templates().get(template.key());
			if (texts == null || texts.hi() == null || texts.en() == null) {
				problems.add(template.key() + ": missing, or without both hi and en");
				continue;
			}
			boolean sms = texts.hi().sms() != null || texts.en().sms() != null;
			if (sms && (texts.hi().sms() == null || texts.en().sms() == null)) {
				problems.add(template.key() + ": an SMS text in one language only");
			}
			if (sms && (texts.smsTemplateId() == null || !texts.smsTemplateId().matches("\\d{19}"))) {
				problems.add(template.key() + ": sms-template-id must be the 19-digit DLT template ID");
			}
			for (Map.Entry<String, TemplateProperties.Version> version : Map.of("hi", texts.hi(), "en", texts.en())
				.entrySet()) {
				for (String text : new String[] { version.getValue().sms(), version.getValue().subject(),
						version.getValue().email() }) {
					if (text == null) {
						continue;
					}
					Matcher matcher = PLACEHOLDER.matcher(text);
					while (matcher.find()) {
						if (!template.placeholders().contains(matcher.group(1))) {
							problems.add(template.key() + "." + version.getKey() + ": unknown placeholder {"
									+ matcher.group(1) + "}; it may use " + template.placeholders());
						}
					}
				}
				if (version.getValue().sms() != null) {
					SmsLength length = SmsLength.of(fill(version.getValue().sms(), LONG_SAMPLES));
					if (length.segments() > this.properties.maxSmsSegments()) {
						problems.add(template.key() + "." + version.getKey() + ": SMS of " + length.segments()
								+ " parts (" + length.encoding() + ", " + length.units()
								+ " characters) with long values; at most " + this.properties.maxSmsSegments());
					}
				}
			}
		}
		Collections.sort(problems);
		return problems;
	}

	private static String fill(String text, Map<String, String> values) {
		return fill(text, values, UnaryOperator.identity());
	}

	/**
	 * Fills the placeholders, each value passed through {@code format}; {@code -} for
	 * none.
	 */
	private static String fill(String text, Map<String, String> values, UnaryOperator<String> format) {
		Matcher matcher = PLACEHOLDER.matcher(text);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			String value = values.get(matcher.group(1));
			matcher.appendReplacement(out, Matcher.quoteReplacement(format.apply((value != null) ? value : "-")));
		}
		matcher.appendTail(out);
		return out.toString();
	}

	/** The e-mail text as simple HTML: escaped, paragraphs kept, links linked. */
	private static String html(String email, Map<String, String> values) {
		String body = fill(HtmlUtils.htmlEscape(email, "UTF-8"), values, (value) -> {
			String escaped = HtmlUtils.htmlEscape(value, "UTF-8");
			return value.startsWith("http") ? "<a href=\"" + escaped + "\">" + escaped + "</a>" : escaped;
		});
		return "<!doctype html><html><head><meta charset=\"utf-8\"></head>"
				+ "<body style=\"font-family:'Noto Sans Devanagari','Noto Sans',Arial,sans-serif;line-height:1.5\">"
				+ "<p>" + body.strip().replace("\n\n", "</p><p>").replace("\n", "<br>") + "</p></body></html>";
	}

}
