package org.dak.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.dak.testsupport.CommandLine;

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

	static CommandLine run(Path directory, String... command) {
		return CommandLine.run(directory, command);
	}

	static boolean onPath(String program) {
		return CommandLine.installed(program);
	}

}
