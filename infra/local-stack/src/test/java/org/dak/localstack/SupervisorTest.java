package org.dak.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher's watch over its processes, with a real process killed as {@code kill -9}
 * would (the clock of the back-off is the test's).
 */
class SupervisorTest {

	final AtomicLong now = new AtomicLong(1_000);

	final List<String> said = new ArrayList<>();

	final Supervisor supervisor = new Supervisor(this.now::get, this.said::add);

	@TempDir
	Path logs;

	ChildProcess child;

	@AfterEach
	void stopTheChild() {
		if (this.child != null) {
			this.child.stop();
		}
	}

	@Test
	void aKilledProcessIsStartedAgainAfterItsBackOffAndTheOperatorIsTold() throws Exception {
		this.child = new ChildProcess("routing-service", List.of("sleep", "600"), this.logs.resolve("routing.log"))
			.start();
		this.supervisor.watch(this.child);
		long first = this.child.pid();
		assertThat(this.supervisor.check()).as("alive: nothing to do").isFalse();

		ProcessHandle killed = ProcessHandle.of(first).orElseThrow();
		killed.destroyForcibly();
		killed.onExit().get(10, TimeUnit.SECONDS);

		assertThat(this.supervisor.check()).as("not before its back-off").isFalse();
		assertThat(this.said).singleElement()
			.asString()
			.contains("routing-service has stopped; starting it again in 1 s")
			.contains(this.logs.resolve("routing.log").toString());
		this.now.addAndGet(TimeUnit.SECONDS.toNanos(1));
		assertThat(this.supervisor.check()).isTrue();

		assertThat(this.child.isAlive()).isTrue();
		assertThat(this.child.pid()).isNotEqualTo(first);
		assertThat(this.said).last().isEqualTo("routing-service started again.");
	}

	@Test
	void aProcessThatCannotStartIsTriedAgainAfterALongerWaitAndTheLauncherGoesOn() {
		Path missing = this.logs.resolve("no-such-program");
		this.child = new ChildProcess("mongodb", List.of(missing.toString()), this.logs.resolve("mongodb.log"));
		this.supervisor.watch(this.child);
		assertThat(Files.exists(missing)).isFalse();

		this.supervisor.check();
		this.now.addAndGet(TimeUnit.SECONDS.toNanos(1));
		assertThat(this.supervisor.check()).isFalse();
		this.supervisor.check();

		assertThat(this.said).anyMatch((line) -> line.startsWith("WARNING: mongodb did not start"))
			.anyMatch((line) -> line.contains("mongodb has stopped; starting it again in 2 s (restart 2 in a row)"));
	}

}
