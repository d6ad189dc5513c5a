package org.dak.contracts;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The office's time: the dates on the topics (a due date, a letter's date), a receipt
 * number's year, a working day and a report's week are all days in this zone, whichever
 * zone the servers run in.
 */
public final class OfficeTime {

	/** The zone's name, for annotations that take a string. */
	public static final String ZONE_ID = "Asia/Kolkata";

	public static final ZoneId ZONE = ZoneId.of(ZONE_ID);

	private OfficeTime() {
	}

	/** The office's day at that instant. */
	public static LocalDate dateOf(Instant instant) {
		return instant.atZone(ZONE).toLocalDate();
	}

	/** The office's day today, by that clock. */
	public static LocalDate today(Clock clock) {
		return dateOf(clock.instant());
	}

}
