package org.dak.notification.dispatch;

import java.util.Map;

import org.dak.notification.template.Template;

/**
 * A message an event calls for, before it is queued.
 *
 * @param channel {@code SMS} or {@code EMAIL}
 * @param template which
 * @param language {@code hi} or {@code en}
 * @param to number or address
 * @param values the placeholders
 */
record Message(String channel, Template template, String language, String to, Map<String, String> values) {

	static Message sms(Template template, String language, String mobile, Map<String, String> values) {
		return new Message("SMS", template, language, mobile, values);
	}

	static Message email(Template template, String language, String address, Map<String, String> values) {
		return new Message("EMAIL", template, language, address, values);
	}

	String audience() {
		return this.template.audience().name();
	}

}
