package org.dak.localstack;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * When to start a dead child process again: after 1 s, then 2, 4 … at most 60 s while it
 * keeps dying; a process that ran for five minutes starts again after 1 s.
 */
final class Restarts {

	private static final long FORGIVEN_AFTER = TimeUnit.MINUTES.toNanos(5);

	private final LongSupplier clock;

	private int inARow;

	private boolean noticed;

	private long noticedAt;

	private long startedAt;

	/**
	 * @param clock nanoseconds, as {@link System#nanoTime()}
	 */
	Restarts(LongSupplier clock) {
		this.clock = clock;
		this.startedAt = clock.getAsLong();
	}

	/**
	 * Called while the process is dead: whether to start it now. The first call after a
	 * death says when it will be started.
	 */
	boolean due(String name, Path log, Consumer<String> say) {
		long now = this.clock.getAsLong();
		if (!this.noticed) {
			if (now - this.startedAt > FORGIVEN_AFTER) {
				this.inARow = 0;
			}
			this.noticed = true;
			this.noticedAt = now;
			say.accept("WARNING: " + name + " has stopped; starting it again in " + backOffSeconds() + " s (restart "
					+ (this.inARow + 1) + " in a row); see " + log);
		}
		if (now - this.noticedAt < TimeUnit.SECONDS.toNanos(backOffSeconds())) {
			return false;
		}
		this.inARow++;
		this.noticed = false;
		this.startedAt = now;
		return true;
	}

	/** How long the process waits after its next death. */
	long backOffSeconds() {
		return Math.min(60, 1L << Math.min(this.inARow, 6));
	}

}
