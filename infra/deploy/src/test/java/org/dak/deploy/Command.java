package org.dak.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A command line tool run on the repository's files: what it printed and how it ended.
 */
record Command(int exit, String output, String errors) {

	/** The repository's root, seen from this module. */
	static final Path ROOT = Path.of("..", "..").toAbsolutePath().normalize();

	static boolean installed(String program) {
		return run("sh", "-c", "command -v " + program).exit() == 0;
	}

	static Command run(String... command) {
		try {
			Process process = new ProcessBuilder(List.of(command)).directory(ROOT.toFile()).start();
			CompletableFuture<String> errors = CompletableFuture.supplyAsync(() -> read(process, true));
			String output = read(process, false);
			if (!process.waitFor(2, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				throw new IllegalStateException(String.join(" ", command) + " did not end");
			}
			return new Command(process.exitValue(), output, errors.join());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String read(Process process, boolean errors) {
		try {
			return new String((errors ? process.getErrorStream() : process.getInputStream()).readAllBytes(),
					StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
