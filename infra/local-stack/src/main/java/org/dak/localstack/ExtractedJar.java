package org.dak.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A service's executable jar unpacked once ({@code java -Djarmode=tools -jar … extract}):
 * its classes are then read from plain jars, not from jars inside a jar, and a service
 * starts on about a third less CPU (tracking's context: 13.2 s of CPU from the executable
 * jar, 8.5 s unpacked). Unpacked again whenever the jar is rebuilt.
 */
final class ExtractedJar {

	private ExtractedJar() {
	}

	/**
	 * The unpacked form of {@code executable}, next to it in {@code extracted/}; unpacked
	 * now if missing or from an earlier build of the jar. Launchers asking at once (the
	 * system tests and a local stack) each unpack into a folder of their own and put it
	 * in place in one move.
	 */
	static synchronized Path of(Path executable) {
		Path target = executable.resolveSibling("extracted");
		String stamp = stampOf(executable);
		Path jar = target.resolve(executable.getFileName());
		if (Files.isRegularFile(jar) && stamp.equals(read(target.resolve("stamp")))) {
			return jar;
		}
		Path fresh = executable.resolveSibling("extracted-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
		try {
			extract(executable, fresh);
			Files.writeString(fresh.resolve("stamp"), stamp);
			delete(target);
			try {
				Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (FileAlreadyExistsException | DirectoryNotEmptyException | AtomicMoveNotSupportedException ex) {
				// another launcher put the same jar in place meanwhile
				delete(fresh);
			}
			return jar;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot unpack " + executable, ex);
		}
	}

	private static void extract(Path executable, Path destination) throws IOException {
		List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Djarmode=tools", "-jar", executable.toString(), "extract", "--destination", destination.toString());
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		try {
			if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
				process.destroyForcibly();
				throw new IOException("extracting " + executable + " failed: " + String.join(" ", command));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
			throw new IOException("interrupted while extracting " + executable, ex);
		}
	}

	private static String stampOf(Path executable) {
		try {
			return Files.size(executable) + " " + Files.getLastModifiedTime(executable).toMillis();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String read(Path file) {
		try {
			return Files.isRegularFile(file) ? Files.readString(file) : "";
		}
		catch (IOException ex) {
			return "";
		}
	}

	private static void delete(Path folder) throws IOException {
		if (!Files.exists(folder)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(folder)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

}
