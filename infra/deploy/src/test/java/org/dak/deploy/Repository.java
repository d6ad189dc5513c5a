package org.dak.deploy;

import java.nio.file.Path;

import org.dak.testsupport.CommandLine;

/** The repository the files under test are in, and tools run on them from its root. */
final class Repository {

	/** The repository's root, seen from this module. */
	static final Path ROOT = Path.of("..", "..").toAbsolutePath().normalize();

	private Repository() {
	}

	static CommandLine run(String... command) {
		return CommandLine.run(ROOT, command);
	}

}
