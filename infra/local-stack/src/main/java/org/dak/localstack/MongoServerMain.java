package org.dak.localstack;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.AbstractMongoBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.h2.mvstore.MVStore;

/**
 * The embedded MongoDB wire-protocol server (mongo-java-server) as its own process, with
 * its data in one H2 file: the services connect to it over TCP as to a real
 * {@code mongod}. Arguments: port, data file ({@code memory} keeps everything in memory,
 * for test systems).
 */
public final class MongoServerMain {

	private static final int NETWORK_THREADS = 128;

	private MongoServerMain() {
	}

	public static void main(String[] args) throws Exception {
		int port = Integer.parseInt(args[0]);
		AbstractMongoBackend backend;
		if ("memory".equals(args[1])) {
			backend = new MemoryBackend();
		}
		else {
			Path file = Path.of(args[1]);
			Files.createDirectories(file.toAbsolutePath().getParent());
			backend = new PinnedH2Backend(new MVStore.Builder().fileName(file.toString()).open());
		}
		MongoServer server = new MongoServer(backend);
		// The server runs each command on the network thread of its connection, and a
		// thread serves several connections: one long read (a pass over a large archive
		// after an upgrade or a crash) would hold up the others on its thread, among them
		// the drivers' heartbeats, which then give the server up. With a thread for about
		// every connection the services open, it holds up only itself.
		server.bind(new InetSocketAddress("127.0.0.1", port), 1, NETWORK_THREADS);
		System.out.println("MongoDB wire-protocol server on 127.0.0.1:" + port + ", data in " + args[1]);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			server.shutdown();
			backend.close();
		}, "mongo-shutdown"));
		Thread.currentThread().join();
	}

}
