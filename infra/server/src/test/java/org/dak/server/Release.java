package org.dak.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The unpacked release the build made ({@code target/dak-server-VERSION/...}), and
 * running its scripts.
 */
final class Release {

	private Release() {
	}

	/**
	 * The release folder: the one that holds {@code VERSION} and {@code bin/install.sh}.
	 */
	static Path unpacked() {
		try (Stream<Path> found = Files.walk(Path.of("target"), 3)) {
			return found.filter((path) -> Files.isRegularFile(path.resolve("bin").resolve("install.sh")))
				.map(Path::toAbsolutePath)
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("no unpacked release under target/ (mvn package)"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** What a command said and how it ended. */
	record Ran(int exit, String output) {
	}

	static Ran run(Path directory, String... command) {
		try {
			Process process = new ProcessBuilder(List.of(command)).directory(directory.toFile())
				.redirectErrorStream(true)
				.start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(3, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				throw new IllegalStateException(String.join(" ", command) + " did not end");
			}
			return new Ran(process.exitValue(), output);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static boolean onPath(String program) {
		List<Path> found = new ArrayList<>();
		for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
			if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
				found.add(Path.of(dir, program));
			}
		}
		return !found.isEmpty();
	}

}
