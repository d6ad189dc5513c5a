package org.dak.gateway.limits;

import java.net.InetSocketAddress;
import java.time.Duration;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests are counted in memory; instances that share their limits add up their counts
 * through the database once per sync, not once per request.
 */
class SharedCountsTest {

	private static final Duration MINUTE = Duration.ofMinutes(1);

	private MongoServer server;

	private MongoClient client;

	private ReactiveMongoTemplate mongo;

	@BeforeEach
	void database() {
		this.server = new MongoServer(new MemoryBackend());
		InetSocketAddress address = this.server.bind();
		this.client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
		this.mongo = new ReactiveMongoTemplate(this.client, "gateway-test");
	}

	@AfterEach
	void close() {
		this.client.close();
		this.server.shutdownNow();
	}

	private FixedWindowCounter counter(boolean shared) {
		return new FixedWindowCounter(this.mongo,
				new RateLimitProperties(MINUTE, 30, 10, 10, 600, 60, 12000, shared, Duration.ofSeconds(1)));
	}

	private long count(FixedWindowCounter counter, String key) {
		return counter.increment(key, MINUTE).block().count();
	}

	@Test
	void oneInstanceCountsWithoutTheDatabase() {
		FixedWindowCounter alone = counter(false);
		for (int i = 0; i < 5; i++) {
			count(alone, "submission:10.0.0.1");
		}
		alone.sync();

		assertThat(count(alone, "submission:10.0.0.1")).isEqualTo(6);
		assertThat(count(alone, "submission:10.0.0.2")).isEqualTo(1);
		assertThat(this.mongo.collectionExists(FixedWindowCounter.COLLECTION).block()).isFalse();
	}

	@Test
	void instancesSharingTheirLimitsSeeEachOthersCountsAfterASync() {
		FixedWindowCounter first = counter(true);
		FixedWindowCounter second = counter(true);
		for (int i = 0; i < 7; i++) {
			count(first, "submission:10.0.0.1");
		}
		count(second, "submission:10.0.0.1");

		first.sync();
		second.sync();

		assertThat(count(second, "submission:10.0.0.1")).isEqualTo(9);
		// the first has not heard of the second's yet: it counts on from its last sync
		assertThat(count(first, "submission:10.0.0.1")).isEqualTo(8);
		first.sync();
		assertThat(count(first, "submission:10.0.0.1")).isEqualTo(10);
		second.sync();
		assertThat(count(second, "submission:10.0.0.1")).isEqualTo(11);
		assertThat(this.mongo.getCollection(FixedWindowCounter.COLLECTION)
			.flatMap((collection) -> reactor.core.publisher.Mono.from(collection.countDocuments()))
			.block()).isEqualTo(1);
	}

}
