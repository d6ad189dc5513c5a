package org.dak.notification.template;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The message templates ({@code dak.notification.templates}), keyed by template name
 * (e.g. {@code status-disposed}).
 *
 * @param templates each template
 * @param maxSmsSegments the most parts an SMS may take, counted with long sample values
 */
@Validated
@ConfigurationProperties("dak.notification")
public record TemplateProperties(@DefaultValue Map<String, @Valid Texts> templates,
		@DefaultValue("4") @Min(1) int maxSmsSegments) {

	/**
	 * One template in both languages.
	 *
	 * @param smsTemplateId the template ID registered with the operators (TRAI DLT), for
	 * a template sent by SMS
	 * @param hi the Hindi version
	 * @param en the English version
	 */
	public record Texts(String smsTemplateId, @Valid Version hi, @Valid Version en) {
	}

	/**
	 * One language's version. Placeholders are written {@code {name}}.
	 *
	 * @param sms the SMS text, or none for a template sent by e-mail only
	 * @param subject the e-mail subject
	 * @param email the e-mail text (sent as plain text and as simple HTML)
	 */
	public record Version(String sms, @NotBlank String subject, @NotBlank String email) {
	}

}
