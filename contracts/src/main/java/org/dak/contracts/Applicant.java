package org.dak.contracts;

/**
 * The person who filed an item, as given at intake.
 *
 * @param name full name, in any script (Devanagari is kept exactly)
 * @param mobile ten-digit Indian mobile number, or {@code null}
 * @param email e-mail address, or {@code null}
 * @param address postal address, or {@code null}
 * @param preferredLanguage {@code hi} or {@code en}: the language of messages to them
 */
public record Applicant(String name, String mobile, String email, String address, String preferredLanguage) {
}
