package org.dak.contracts;

/**
 * An office below a department (e.g. a block or circle office), with its officer.
 *
 * @param code short code, unique within the department, e.g. {@code BLOCK_RAJGIR}
 * @param name English name
 * @param nameHi Hindi name
 * @param officer the officer in charge
 */
public record Office(String code, String name, String nameHi, Officer officer) {
}
