package org.dak.notification.delivery;

/**
 * A provider did not take a message. Permanent when trying again cannot help (the
 * provider refused the message or the address); otherwise it may go through later.
 */
public class DeliveryFailedException extends RuntimeException {

	private final boolean permanent;

	public DeliveryFailedException(String message, boolean permanent, Throwable cause) {
		super(message, cause);
		this.permanent = permanent;
	}

	public boolean isPermanent() {
		return this.permanent;
	}

}
