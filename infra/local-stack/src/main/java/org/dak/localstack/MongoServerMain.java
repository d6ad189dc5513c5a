package org.dak.localstack;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.AbstractMongoBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * The embedded MongoDB wire-protocol server (mongo-java-server) as its own process, with
 * its data in one H2 file: the services connect to it over TCP as to a real
 * {@code mongod}. A write is answered only once it is synced to that file
 * ({@link DurableH2Backend}). Arguments: port, data file ({@code memory} keeps everything
 * in memory, for test systems that lose nothing by a kill).
 */
public final class MongoServerMain {

	private static final int NETWORK_THREADS = 128;

	/** How often the file's mostly dead chunks are rewritten. */
	private static final Duration COMPACTION = Duration.ofSeconds(1);

	/** How often the store's figures are logged. */
	private static final Duration STATISTICS = Duration.ofMinutes(10);

	private MongoServerMain() {
	}

	public static void main(String[] args) throws Exception {
		// the JDK keeps, for each thread that reads or writes a file, a direct buffer as
		// large as its largest read or write so far; with a thread for each connection,
		// those of a few large reads would add up to all the direct memory there is
		if (System.getProperty("jdk.nio.maxCachedBufferSize") == null) {
			System.setProperty("jdk.nio.maxCachedBufferSize", String.valueOf(256 * 1024));
		}
		int port = Integer.parseInt(args[0]);
		AbstractMongoBackend backend;
		ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "mongo-housekeeping");
			thread.setDaemon(true);
			return thread;
		});
		if ("memory".equals(args[1])) {
			backend = new MemoryBackend();
		}
		else {
			Path file = Path.of(args[1]);
			Files.createDirectories(file.toAbsolutePath().getParent());
			DurableH2Backend durable = new DurableH2Backend(DurableH2Backend.open(file.toString()),
					MongoServerMain::haltAfterFailedWrite);
			housekeeping.scheduleWithFixedDelay(() -> {
				try {
					durable.compact();
				}
				catch (RuntimeException ex) {
					System.err.println("Compaction of " + file + " failed: " + ex);
				}
			}, COMPACTION.toMillis(), COMPACTION.toMillis(), TimeUnit.MILLISECONDS);
			housekeeping.scheduleWithFixedDelay(() -> System.out.println("Store: " + durable.statistics()),
					STATISTICS.toMinutes(), STATISTICS.toMinutes(), TimeUnit.MINUTES);
			backend = durable;
		}
		MongoServer server = new MongoServer(backend);
		// The server runs each command on the network thread of its connection, and a
		// thread serves several connections: one long read (a pass over a large archive
		// after an upgrade or a crash) would hold up the others on its thread, among them
		// the drivers' heartbeats, which then give the server up. With a thread for about
		// every connection the services open, it holds up only itself.
		server.bind(new InetSocketAddress("127.0.0.1", port), 1, NETWORK_THREADS);
		System.out.println("MongoDB wire-protocol server on 127.0.0.1:" + port + ", data in " + args[1]);
		AbstractMongoBackend started = backend;
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			housekeeping.shutdownNow();
			server.shutdown();
			started.close();
		}, "mongo-shutdown"));
		Thread.currentThread().join();
	}

	/**
	 * A commit that failed leaves H2's store closed: the process ends, so that the one
	 * who started it (the launcher, systemd) starts it again from the last whole commit
	 * on disk. The commands that waited for it have been answered with an error, not an
	 * acknowledgement.
	 */
	private static void haltAfterFailedWrite() {
		System.err.println("The data file could not be written: stopping, to be started again from disk");
		// a second for the error answers to go out first
		CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS).execute(() -> Runtime.getRuntime().halt(70));
	}

}
