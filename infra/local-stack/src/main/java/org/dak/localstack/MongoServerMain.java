package org.dak.localstack;

import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.AbstractMongoBackend;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * The embedded MongoDB wire-protocol server (mongo-java-server) as its own process, with
 * its data in one H2 file: the services connect to it over TCP as to a real
 * {@code mongod}. Arguments: port, data file ({@code memory} keeps everything in memory,
 * for test systems).
 */
public final class MongoServerMain {

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
			backend = new H2Backend(file.toString());
		}
		MongoServer server = new MongoServer(backend);
		server.bind("127.0.0.1", port);
		System.out.println("MongoDB wire-protocol server on 127.0.0.1:" + port + ", data in " + args[1]);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			server.shutdown();
			backend.close();
		}, "mongo-shutdown"));
		Thread.currentThread().join();
	}

}
