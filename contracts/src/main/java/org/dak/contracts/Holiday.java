package org.dak.contracts;

import java.time.LocalDate;

/**
 * A public holiday of the state's list.
 *
 * @param date the day
 * @param nameHi its name in Hindi, e.g. {@code गणतंत्र दिवस}
 * @param nameEn its name in English, e.g. {@code Republic Day}
 * @param kind {@code GAZETTED} (the office is closed: not a working day) or
 * {@code RESTRICTED} (optional for staff: the office is open, deadlines run)
 */
public record Holiday(LocalDate date, String nameHi, String nameEn, String kind) {

	public static final String GAZETTED = "GAZETTED";

	public static final String RESTRICTED = "RESTRICTED";

	/** Whether the office is closed that day. */
	public boolean closesTheOffice() {
		return !RESTRICTED.equals(this.kind);
	}

}
