package org.dak.gateway.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit entries not yet in the database, also in files of this gateway instance: each
 * entry is appended (one JSON line, handed to the operating system before the call is
 * answered) when it is recorded, so a crash of the gateway ({@code kill -9}, out of
 * memory) loses none of them; they are read back at the next start. Files are written in
 * turn: the trail rolls to a new file before it writes what waits, and deletes the older
 * files once all of it is written.
 */
final class AuditJournal implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(AuditJournal.class);

	private static final String PREFIX = "audit-";

	private static final String SUFFIX = ".jsonl";

	private final Path folder;

	private final JsonMapper json = JsonMapper.builder().build();

	private FileChannel current;

	private Path currentFile;

	/** The files closed and not yet deleted, oldest first. */
	private final List<Path> closed = new ArrayList<>();

	private long sequence;

	AuditJournal(Path folder) {
		this.folder = folder;
		try {
			Files.createDirectories(folder);
			this.closed.addAll(files());
			this.sequence = this.closed.stream().mapToLong(AuditJournal::number).max().orElse(0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The audit journal " + folder + " cannot be used", ex);
		}
	}

	/** The entries a previous run left unwritten, oldest first. */
	List<AuditEntry> leftOver() {
		List<AuditEntry> entries = new ArrayList<>();
		for (Path file : this.closed) {
			try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
				String line;
				while ((line = lines.readLine()) != null) {
					if (line.isBlank()) {
						continue;
					}
					try {
						entries.add(this.json.readValue(line, AuditEntry.class));
					}
					catch (JacksonException ex) {
						// the last line of a crash may be cut short: its call was not
						// answered
						log.warn("An unreadable line of {} is skipped: {}", file, ex.getOriginalMessage());
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return entries;
	}

	/**
	 * Appends the entry, then runs {@code queued} (which puts it in the queue of what
	 * waits) before the next {@link #roll()}: every entry of a rolled file is queued.
	 */
	synchronized void append(AuditEntry entry, Runnable queued) {
		try {
			if (this.current == null) {
				this.currentFile = this.folder.resolve(PREFIX + (++this.sequence) + SUFFIX);
				this.current = FileChannel.open(this.currentFile, StandardOpenOption.CREATE_NEW,
						StandardOpenOption.WRITE, StandardOpenOption.APPEND);
			}
			ByteBuffer line = ByteBuffer
				.wrap((this.json.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8));
			while (line.hasRemaining()) {
				this.current.write(line);
			}
			queued.run();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The audit journal " + this.folder + " cannot be written", ex);
		}
	}

	/**
	 * Closes the file being written; what is appended from now on goes to a new one.
	 * @return every file written up to now
	 */
	synchronized List<Path> roll() {
		closeCurrent();
		return List.copyOf(this.closed);
	}

	/** Deletes files whose entries are all in the database. */
	synchronized void delete(List<Path> written) {
		this.closed.removeAll(written);
		for (Path file : written) {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ex) {
				log.warn("The written audit journal {} could not be deleted: {}", file, ex.toString());
			}
		}
	}

	@Override
	public synchronized void close() {
		closeCurrent();
	}

	private void closeCurrent() {
		if (this.current != null) {
			try {
				this.current.close();
			}
			catch (IOException ex) {
				log.warn("The audit journal could not be closed: {}", ex.toString());
			}
			this.closed.add(this.currentFile);
			this.current = null;
		}
	}

	private List<Path> files() {
		try (Stream<Path> files = Files.list(this.folder)) {
			return files
				.filter((file) -> file.getFileName().toString().startsWith(PREFIX)
						&& file.getFileName().toString().endsWith(SUFFIX))
				.sorted((a, b) -> Long.compare(number(a), number(b)))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static long number(Path file) {
		String name = file.getFileName().toString();
		return Long.parseLong(name.substring(PREFIX.length(), name.length() - SUFFIX.length()));
	}

}
