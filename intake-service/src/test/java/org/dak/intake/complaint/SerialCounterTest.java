package org.dak.intake.complaint;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.dak.testsupport.EmbeddedMongoServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Receipt numbers drawn by two intake instances on one database: each instance has its
 * own connection, as two processes would.
 */
class SerialCounterTest {

	private static final String DATABASE = "serial-counter-test";

	private final List<MongoClient> clients = new ArrayList<>();

	@AfterEach
	void close() {
		this.clients.get(0).getDatabase(DATABASE).drop();
		this.clients.forEach(MongoClient::close);
	}

	private SerialCounter instance() {
		MongoClient client = MongoClients.create(EmbeddedMongoServer.uri());
		this.clients.add(client);
		return new SerialCounter(new MongoTemplate(client, DATABASE));
	}

	@Test
	void twoInstancesDrawingAtOnceNeverGiveOneNumberTwice() throws Exception {
		List<SerialCounter> instances = List.of(instance(), instance());
		int desksPerInstance = 3;
		int receiptsPerDesk = 60;
		ExecutorService desks = Executors.newFixedThreadPool(instances.size() * desksPerInstance);
		try {
			List<Future<List<Long>>> drawn = new ArrayList<>();
			for (SerialCounter instance : instances) {
				for (int desk = 0; desk < desksPerInstance; desk++) {
					Callable<List<Long>> receipts = () -> LongStream.range(0, receiptsPerDesk)
						.map((i) -> instance.next("LKO", 2026))
						.boxed()
						.toList();
					drawn.add(desks.submit(receipts));
				}
			}
			List<Long> all = new ArrayList<>();
			for (Future<List<Long>> desk : drawn) {
				all.addAll(desk.get());
			}

			int total = instances.size() * desksPerInstance * receiptsPerDesk;
			Set<Long> distinct = new TreeSet<>(all);
			assertThat(all).hasSize(total);
			assertThat(distinct).hasSize(total);
			// nothing failed between draws here, so no number was skipped either
			assertThat(distinct).containsExactlyElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
		}
		finally {
			desks.shutdownNow();
		}
	}

	@Test
	void aNumberDrawnForAnIntakeThatFailedIsNotGivenAgain() {
		SerialCounter first = instance();
		SerialCounter second = instance();

		long lost = first.next("LKO", 2026);
		// the intake that drew it failed before anything was stored: the number is a gap
		long next = second.next("LKO", 2026);

		assertThat(next).isEqualTo(lost + 1);
	}

	@Test
	void eachDistrictAndYearCountsFromOne() {
		SerialCounter counter = instance();
		counter.next("LKO", 2026);
		counter.next("LKO", 2026);

		assertThat(counter.next("LKO", 2027)).isEqualTo(1);
		assertThat(counter.next("KNP", 2026)).isEqualTo(1);
		assertThat(counter.next("LKO", 2026)).isEqualTo(3);
	}

}
