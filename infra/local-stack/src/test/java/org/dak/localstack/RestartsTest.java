package org.dak.localstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RestartsTest {

	final AtomicLong now = new AtomicLong(1_000);

	final Restarts restarts = new Restarts(this.now::get);

	final List<String> said = new ArrayList<>();

	@Test
	void aProcessThatKeepsDyingWaitsTwiceAsLongEachTimeUpToAMinute() {
		List<Long> waits = new ArrayList<>();
		for (int death = 0; death < 9; death++) {
			waits.add(secondsUntilStarted());
		}

		assertThat(waits).containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L);
		assertThat(this.said.get(0))
			.contains("intake-service has stopped; starting it again in 1 s (restart 1 in a row)");
		assertThat(this.said.get(3)).contains("in 8 s (restart 4 in a row)");
	}

	@Test
	void aProcessThatRanForFiveMinutesIsStartedAgainAfterASecond() {
		secondsUntilStarted();
		secondsUntilStarted();
		secondsUntilStarted();
		this.now.addAndGet(TimeUnit.MINUTES.toNanos(6));

		assertThat(secondsUntilStarted()).isEqualTo(1);
	}

	/** The process dies now: how long until it is due to start again. */
	private long secondsUntilStarted() {
		long diedAt = this.now.get();
		while (!this.restarts.due("intake-service", Path.of("intake-service.log"), this.said::add)) {
			this.now.addAndGet(TimeUnit.MILLISECONDS.toNanos(500));
		}
		return TimeUnit.NANOSECONDS.toSeconds(this.now.get() - diedAt);
	}

}
