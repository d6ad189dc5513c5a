package org.dak.intake.complaint;

/**
 * How an item reached the office, with its name on the receipt.
 */
enum Channel {

	EMAIL("ई-मेल", "E-mail"), POST("डाक", "Post"), FAX("फैक्स", "Fax"), SOCIAL_MEDIA("सोशल मीडिया", "Social media"),
	WALK_IN("काउंटर पर (स्वयं)", "In person at the counter"), WEB("वेब पोर्टल", "Web portal");

	private final String hindi;

	private final String english;

	Channel(String hindi, String english) {
		this.hindi = hindi;
		this.english = english;
	}

	String hindi() {
		return this.hindi;
	}

	String english() {
		return this.english;
	}

}
