package org.dak.intake.complaint;

import java.util.Map;

/**
 * What an item that came through the Open311 interface brought besides an item's usual
 * fields. Such reports are public by that standard: their description, place and photo
 * link are shown to anyone who asks there.
 *
 * @param app the adapter key's name when the app sent one ({@code api_key}), or
 * {@code null}
 * @param deviceId the app's ID of the device it was sent from
 * @param accountId the app's ID of the applicant's account
 * @param attributes the answers to the service's questions, by question code
 */
record Open311Report(String app, String deviceId, String accountId, Map<String, String> attributes) {

	Open311Report {
		attributes = (attributes != null) ? Map.copyOf(attributes) : Map.of();
	}

}
