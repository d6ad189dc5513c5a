package org.dak.tracking.complaintcase;

/**
 * A department's working steps between marking and disposal.
 */
public enum Step {

	/** The department has received the item and is working on it. */
	ACKNOWLEDGE("ACKNOWLEDGED", false, "Received by the department", "विभाग द्वारा प्राप्त"),

	/** Sent on to an office below the department. */
	FORWARD("FORWARDED", false, "Forwarded to an office", "कार्यालय को अग्रसारित"),

	/** What was done, with evidence if any. */
	ACTION_TAKEN("ACTION_TAKEN", true, "Action taken", "कार्रवाई की गई"),

	/** A word to the applicant before the final disposal; shown on public tracking. */
	INTERIM_REPLY("INTERIM_REPLY", true, "Interim reply", "अंतरिम उत्तर");

	private final String past;

	private final boolean needsNote;

	private final String english;

	private final String hindi;

	Step(String past, boolean needsNote, String english, String hindi) {
		this.past = past;
		this.needsNote = needsNote;
		this.english = english;
		this.hindi = hindi;
	}

	/** The step of that timeline name, if it is one. */
	public static java.util.Optional<Step> named(String past) {
		return java.util.Arrays.stream(values()).filter((step) -> step.past.equals(past)).findFirst();
	}

	public String english() {
		return this.english;
	}

	public String hindi() {
		return this.hindi;
	}

	/** How the timeline and the event name it. */
	public String past() {
		return this.past;
	}

	boolean needsNote() {
		return this.needsNote;
	}

}
