package org.dak.notification.delivery;

/**
 * An SMS provider. Each message carries our notification ID as its reference, so a
 * provider that de-duplicates on it never sends one twice, and delivery receipts find
 * their message.
 */
public interface SmsProvider {

	/**
	 * Hands one SMS to the provider.
	 * @param mobile ten-digit Indian mobile number
	 * @param text the message
	 * @param templateId the DLT template ID it was registered under
	 * @param reference our notification ID
	 * @throws DeliveryFailedException if the provider did not take it
	 */
	void send(String mobile, String text, String templateId, String reference);

}
