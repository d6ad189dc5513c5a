package org.dak.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A line saying what the figures were measured on. */
final class Machine {

	private Machine() {
	}

	static String describe() {
		String cpu = "unknown CPU";
		try {
			cpu = Files.readAllLines(Path.of("/proc/cpuinfo"))
				.stream()
				.filter((line) -> line.startsWith("model name"))
				.map((line) -> line.substring(line.indexOf(':') + 1).strip())
				.findFirst()
				.orElse(cpu);
		}
		catch (IOException ex) {
			// not Linux
		}
		return "%d cores (%s), %d MiB heap for the harness, Java %s, %s".formatted(
				Runtime.getRuntime().availableProcessors(), cpu, Runtime.getRuntime().maxMemory() / (1024 * 1024),
				System.getProperty("java.version"), System.getProperty("os.name"));
	}

}
