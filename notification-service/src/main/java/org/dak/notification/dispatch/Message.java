package org.dak.notification.dispatch;

/**
 * A message ready to send.
 *
 * @param channel {@code SMS} or {@code EMAIL}
 * @param audience {@code APPLICANT} or {@code OFFICER}
 * @param template which template made it
 * @param to mobile number or e-mail address
 * @param subject e-mail subject ({@code null} for SMS)
 * @param text the text
 */
record Message(String channel, String audience, String template, String to, String subject, String text) {

	static Message sms(String audience, String template, String mobile, String text) {
		return new Message("SMS", audience, template, mobile, null, text);
	}

	static Message email(String audience, String template, String address, String subject, String text) {
		return new Message("EMAIL", audience, template, address, subject, text);
	}

}
