package org.dak.tracking.deadline;

import java.util.Arrays;

/**
 * How long an open item has waited, in working days since it was received, as review
 * meetings count it: the summary shows every bucket, the pendency report the items older
 * than 45 and 60 working days, the operations gauges the three bands those lines make.
 * The one place those lines are drawn.
 */
public enum AgeBucket {

	UP_TO_15(0, 15), UP_TO_30(16, 30), UP_TO_45(31, 45), UP_TO_60(46, 60), OVER_60(61, Integer.MAX_VALUE);

	private final int from;

	private final int to;

	AgeBucket(int from, int to) {
		this.from = from;
		this.to = to;
	}

	/** The bucket of an item that age (working days; a negative age counts as none). */
	public static AgeBucket of(int workingDays) {
		int age = Math.max(workingDays, 0);
		return Arrays.stream(values()).filter((bucket) -> age >= bucket.from && age <= bucket.to).findFirst().get();
	}

	/** As the summary shows it: {@code 0-15} … {@code over 60}. */
	public String label() {
		return (this.to == Integer.MAX_VALUE) ? "over " + (this.from - 1) : this.from + "-" + this.to;
	}

	/** Older than the 45 working days the pendency report names first. */
	public boolean olderThan45() {
		return this.from > 45;
	}

	/** Older than the 60 working days the pendency report names next. */
	public boolean olderThan60() {
		return this.from > 60;
	}

	/**
	 * The band of the operations gauges: {@code 0-45}, {@code 46-60} or {@code over-60}.
	 */
	public String band() {
		return olderThan60() ? "over-60" : olderThan45() ? "46-60" : "0-45";
	}

}
