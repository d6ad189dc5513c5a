package org.dak.localstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Keeps the launcher's processes running: each {@link #check()} starts again every
 * watched process that died, after its {@link Restarts back-off}, and says so, where the
 * operator reads the launcher's output.
 */
public final class Supervisor {

	/**
	 * One process to keep running.
	 *
	 * @param name what the operator is told it is
	 * @param alive whether it runs
	 * @param start starts it again (may throw: it is tried again after the next back-off)
	 * @param log where its output goes, named in the message
	 */
	record Watched(String name, BooleanSupplier alive, Runnable start, Path log) {
	}

	private final List<Watched> watched = new ArrayList<>();

	private final Map<String, Restarts> restarts = new LinkedHashMap<>();

	private final LongSupplier clock;

	private final Consumer<String> say;

	/**
	 * @param clock nanoseconds, as {@link System#nanoTime()}
	 * @param say where the operator reads what happened
	 */
	public Supervisor(LongSupplier clock, Consumer<String> say) {
		this.clock = clock;
		this.say = say;
	}

	Supervisor watch(Watched process) {
		this.watched.add(process);
		return this;
	}

	public Supervisor watch(ChildProcess child) {
		return watch(new Watched(child.name(), child::isAlive, child::start, child.logFile()));
	}

	/** Starts again whatever died and is due; answers whether anything was started. */
	public boolean check() {
		boolean started = false;
		for (Watched process : this.watched) {
			if (process.alive().getAsBoolean()) {
				continue;
			}
			Restarts of = this.restarts.computeIfAbsent(process.name(), (name) -> new Restarts(this.clock));
			if (of.due(process.name(), process.log(), this.say)) {
				try {
					process.start().run();
					this.say.accept(process.name() + " started again.");
					started = true;
				}
				catch (RuntimeException ex) {
					this.say.accept("WARNING: " + process.name() + " did not start: " + ex.getMessage());
				}
			}
		}
		return started;
	}

}
