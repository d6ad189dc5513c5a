package org.dak.testsupport;

import java.net.InetSocketAddress;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * One in-memory MongoDB wire-protocol server per test JVM, on a free port.
 */
public final class EmbeddedMongoServer {

	private static MongoServer server;

	private static String uri;

	private EmbeddedMongoServer() {
	}

	/** The connection string of the running server, starting it on first use. */
	public static synchronized String uri() {
		if (server == null) {
			server = new MongoServer(new MemoryBackend());
			InetSocketAddress address = server.bind();
			uri = "mongodb://127.0.0.1:" + address.getPort();
			Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "embedded-mongo-shutdown"));
		}
		return uri;
	}

}
