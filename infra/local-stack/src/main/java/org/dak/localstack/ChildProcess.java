package org.dak.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A child process of the launcher (or of a test), its output in a log file, stopped
 * gently and then firmly.
 */
public final class ChildProcess {

	private final String name;

	private final List<String> command;

	private final Map<String, String> environment = new LinkedHashMap<>();

	private final Path logFile;

	private Process process;

	public ChildProcess(String name, List<String> command, Path logFile) {
		this.name = name;
		this.command = List.copyOf(command);
		this.logFile = logFile;
	}

	/**
	 * Options every JVM of the stack runs with, for a small resident set on one machine:
	 * the serial collector; a young generation of {@code young} (the heap's pages that
	 * are touched at every collection: the default third of the heap made most of each
	 * process's memory); a heap given back when mostly free; small thread stacks.
	 */
	public static List<String> smallJvm(String heap, String young) {
		return List.of("-Xmx" + heap, "-Xmn" + young, "-XX:+UseSerialGC", "-XX:MinHeapFreeRatio=10",
				"-XX:MaxHeapFreeRatio=30", "-Xss512k", "-XX:ReservedCodeCacheSize=64m");
	}

	/**
	 * A service's options: the first compiler only (quicker start, less memory), except
	 * for notification, which unseals an access code (RSA) for every item: 9 ms with the
	 * first compiler, 2.2 ms with the optimising one.
	 */
	static List<String> serviceJvm(String instance) {
		List<String> options = new ArrayList<>(smallJvm("256m", "32m"));
		// the cluster profile's second instance of a service is "<service>-2"
		if (!instance.replaceFirst("-\\d+$", "").equals("notification-service")) {
			options.add("-XX:TieredStopAtLevel=1");
		}
		options.add("-Dfile.encoding=UTF-8");
		return options;
	}

	/** A JVM running {@code mainClass} with the given class path. */
	public static ChildProcess java(String name, String classpath, String mainClass, List<String> jvmOptions,
			List<String> args, Path logFile) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmOptions);
		command.add("-cp");
		command.add(classpath);
		command.add(mainClass);
		command.addAll(args);
		return new ChildProcess(name, command, logFile);
	}

	/** A Spring Boot service from its executable jar. */
	public static ChildProcess bootJar(String name, Path jar, Map<String, String> environment, Path logFile) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(serviceJvm(name));
		command.add("-jar");
		command.add(jar.toString());
		ChildProcess child = new ChildProcess(name, command, logFile);
		child.environment.putAll(environment);
		return child;
	}

	public ChildProcess env(String key, String value) {
		this.environment.put(key, value);
		return this;
	}

	public ChildProcess start() {
		if (isAlive()) {
			// a second process on the same port and files would fail, or worse, outlive
			// the first one's handle
			throw new IllegalStateException(this.name + " is running already");
		}
		try {
			Files.createDirectories(this.logFile.getParent());
			ProcessBuilder builder = new ProcessBuilder(this.command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(this.logFile.toFile()));
			// glibc gives each thread that allocates its own 64 MiB arena; a JVM
			// needs few
			builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
			builder.environment().putAll(this.environment);
			this.process = builder.start();
			return this;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start " + this.name, ex);
		}
	}

	/** Waits until the condition holds; fails early if the process dies. */
	public void awaitReady(BooleanSupplier ready, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (ready.getAsBoolean()) {
				return;
			}
			if (exitedWithin(250)) {
				throw new IllegalStateException(this.name + " exited with " + this.process.exitValue() + "; see "
						+ this.logFile + "\n" + tail());
			}
		}
		throw new IllegalStateException(
				this.name + " not ready within " + timeout + "; see " + this.logFile + "\n" + tail());
	}

	/** Runs to completion (for one-off tools) and fails unless it exits with 0. */
	public void runToCompletion(Duration timeout) {
		start();
		try {
			if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				this.process.destroyForcibly();
				throw new IllegalStateException(this.name + " did not finish within " + timeout);
			}
			if (this.process.exitValue() != 0) {
				throw new IllegalStateException(this.name + " failed; see " + this.logFile + "\n" + tail());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Kills the process at once (SIGKILL), as a crash or {@code kill -9} would. */
	public void kill() {
		if (this.process == null || !this.process.isAlive()) {
			return;
		}
		try {
			this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Freezes the process (SIGSTOP), as a hung machine or a stalled disk would. */
	public void pause() {
		signal("STOP");
	}

	/**
	 * Has a JVM print the stacks of all its threads to its log (SIGQUIT), to see where it
	 * is stuck.
	 */
	public void dumpThreads() {
		signal("QUIT");
	}

	/** Lets a paused process run on (SIGCONT). */
	public void resume() {
		signal("CONT");
	}

	private void signal(String name) {
		if (isAlive()) {
			signal(this.process.pid(), name, this.name);
		}
	}

	/**
	 * Sends a signal ({@code STOP}, {@code CONT}, {@code QUIT} …) to any process, as
	 * {@code kill -<signal> <pid>} does.
	 */
	public static void signal(long pid, String signal, String what) {
		try {
			Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(pid)).inheritIO().start();
			if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
				throw new IllegalStateException("Could not send SIG" + signal + " to " + what);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The operating system's ID of the running process, or -1. */
	public long pid() {
		return (this.process != null) ? this.process.pid() : -1;
	}

	public boolean isAlive() {
		return this.process != null && this.process.isAlive();
	}

	/** Asks the process to stop (SIGTERM), and kills it if it has not within 20 s. */
	public void stop() {
		stop(Duration.ofSeconds(20));
	}

	/**
	 * Asks the process to stop (SIGTERM), and kills it if it has not within
	 * {@code grace}.
	 */
	public void stop(Duration grace) {
		if (this.process == null || !this.process.isAlive()) {
			return;
		}
		this.process.destroy();
		try {
			if (!this.process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
				this.process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	public String name() {
		return this.name;
	}

	public Path logFile() {
		return this.logFile;
	}

	private String tail() {
		try {
			List<String> lines = Files.readAllLines(this.logFile);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
		}
		catch (IOException ex) {
			return "";
		}
	}

	/**
	 * Waits up to {@code millis} for the process to end: the poll interval of a readiness
	 * check.
	 */
	private boolean exitedWithin(long millis) {
		try {
			return this.process.waitFor(millis, TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
