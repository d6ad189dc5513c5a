package org.dak.contracts;

/**
 * How to reach the officer in charge of a department or office.
 *
 * @param name name and designation, e.g. {@code BDO Rajgir}
 * @param email e-mail for alerts, or {@code null}
 * @param mobile ten-digit mobile for alerts, or {@code null}
 */
public record Officer(String name, String email, String mobile) {
}
