package org.dak.notification.delivery;

/**
 * A provider did not take a message; the reason is safe to log and show staff.
 */
public class DeliveryFailedException extends RuntimeException {

	public DeliveryFailedException(String reason, Throwable cause) {
		super(reason, cause);
	}

}
