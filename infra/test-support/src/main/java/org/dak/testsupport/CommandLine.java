package org.dak.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A command line tool run by a test (systemd-analyze, promtool, docker-compose, kubectl,
 * a script of the release): how it ended, and what it printed on each stream.
 *
 * @param exit its exit status
 * @param output what it printed on standard output
 * @param errors what it printed on standard error
 */
public record CommandLine(int exit, String output, String errors) {

	/** Both streams, for a failure's message. */
	public String all() {
		return this.output + this.errors;
	}

	/** Runs {@code command} in {@code directory}, for at most three minutes. */
	public static CommandLine run(Path directory, String... command) {
		try {
			Process process = new ProcessBuilder(List.of(command)).directory(directory.toFile()).start();
			CompletableFuture<String> errors = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
			String output = read(process.getInputStream());
			if (!process.waitFor(3, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				throw new IllegalStateException(String.join(" ", command) + " did not end");
			}
			return new CommandLine(process.exitValue(), output, errors.join());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Whether {@code program} is on the path. */
	public static boolean installed(String program) {
		return run(Path.of("."), "sh", "-c", "command -v " + program).exit() == 0;
	}

	private static String read(InputStream stream) {
		try {
			return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
