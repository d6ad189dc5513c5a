package org.dak.systemtest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.dak.systemtest.FaultSuiteIT.Baseline;
import org.dak.systemtest.FaultSuiteIT.Counts;
import org.dak.systemtest.FaultSuiteIT.Item;
import org.dak.systemtest.FaultSuiteIT.Load;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The no-loss promise in the cluster profile: three brokers (replication 3,
 * min.insync.replicas 2) and two instances of a service behind the gateway, under the
 * fault suite's steady stream of items. The broker that leads the busiest partitions is
 * killed ({@code kill -9}), then an instance of a consumer service; each time the
 * survivors must take over while the dead one is still down, and it is started again. At
 * the end every item is counted: lost 0, doubled 0, every message sent once. The short
 * form (CI) runs two instances of tracking and kills one (two machine cores cannot start
 * two of everything quickly); {@code -Ddak.faults.cluster=full} runs two of every service
 * and two gateways, with the callers behind a balancer in front of the gateways
 * ({@link FrontBalancer}), and kills one instance of each in turn. Figures in
 * {@code target/reliability/cluster-faults.md}.
 */
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(FaultSuiteIT.LANE)
class ClusterFaultsIT {

	/** The instances killed in turn: the second one of each service. */
	static final List<String> INSTANCES = "full".equals(System.getProperty("dak.faults.cluster")) ? List
		.of("intake-service-2", "routing-service-2", "tracking-service-2", "notification-service-2", "gateway-2")
			: List.of("tracking-service-2");

	static RunningSystem cluster;

	@BeforeAll
	static void theClusterAndItsCallers() {
		cluster = RunningSystem
			.cluster(INSTANCES.stream().map((instance) -> instance.replaceFirst("-2$", "")).toList());
		FaultSuiteIT.callersOf(cluster);
	}

	@AfterAll
	static void stopTheCluster() {
		FaultSuiteIT.stopTheSystem();
	}

	@Test
	void nothingIsLostOrDoubledWhileABrokerAndAnInstanceOfAServiceDie() {
		Baseline before = Baseline.now();
		Load load = new Load();
		List<String> report = new ArrayList<>();
		load.start();
		try {
			FaultSuiteIT.awaitAcknowledged(load, 10);
			report.add(takeover("Kafka broker leading the busiest partitions, kill -9", before, load, () -> {
				cluster.killBroker();
				return " (node " + cluster.killedBroker() + " of 3)";
			}, () -> cluster.restartBroker(Duration.ofSeconds(1))));
			for (String instance : INSTANCES) {
				report.add(takeover(instance + " kill -9", before, load, () -> {
					cluster.kill(instance);
					return "";
				}, () -> cluster.restart(instance)));
			}
		}
		finally {
			load.stop();
		}
		long quiet = FaultSuiteIT.awaitQuiet(before, load, Duration.ofMinutes(4));
		List<String> lost = new ArrayList<>();
		List<String> doubled = new ArrayList<>();
		List<Item> items = FaultSuiteIT.items(load, lost, doubled);
		// a message claimed by a killed notification instance goes out when its claim
		// runs out
		await().atMost(Duration.ofMinutes(4))
			.pollInterval(Duration.ofSeconds(2))
			.until(() -> FaultSuiteIT.messagesMissing(items, load) == 0);
		Counts counts = FaultSuiteIT.count(items, load, lost, doubled);
		report.add("| all items after the last fault | | " + quiet + " ms | | |");
		if (cluster.gatewayUrls().size() > 1) {
			report.add("| calls a dead gateway refused, taken by the other (the balancer in front) | | | | "
					+ FrontBalancer.sentElsewhere() + " |");
		}
		write(report, load, counts);
		assertThat(load.unexpected()).as("answers other than a receipt or a 503 to retry").isEmpty();
		assertThat(load.unanswered()).as("callers left hanging").isZero();
		assertThat(counts.lost()).as("acknowledged items missing somewhere").isEmpty();
		assertThat(counts.doubled()).as("items stored or told twice").isEmpty();
		assertThat(counts.wrongStatus()).as("marked or worked items not so in tracking").isEmpty();
		assertThat(load.acknowledged()).hasSizeGreaterThan(20);
		assertThat(load.mailed()).hasSizeGreaterThan(3);
	}

	/**
	 * Kills something while the stream goes on, waits until the survivors have taken over
	 * (items acknowledged after the kill, some on every partition, are in the inbox and
	 * in tracking while the dead one is still down), starts it again and waits for quiet:
	 * its row of the report.
	 */
	private static String takeover(String name, Baseline before, Load load, FaultSuiteIT.Fault kill, Runnable restart) {
		int answered503 = load.serviceUnavailable.get();
		int unanswered = load.unanswered() + load.cutOff();
		int rounds = load.rounds();
		long start = System.nanoTime();
		String detail = kill.run();
		FaultSuiteIT.awaitAcknowledged(load, load.acknowledged().size() + 8);
		FaultSuiteIT.awaitQuiet(before, load, Duration.ofMinutes(3));
		long down = System.nanoTime();
		long takenOver = Duration.ofNanos(down - start).toMillis();
		restart.run();
		long back = System.nanoTime();
		long quiet = FaultSuiteIT.awaitQuiet(before, load, Duration.ofMinutes(3));
		int requests = load.rounds() - rounds;
		int failed = load.serviceUnavailable.get() - answered503 + load.unanswered() + load.cutOff() - unanswered;
		String row = "| %s%s | %d ms | %d ms | %d ms | %d of %d (%.1f %%) |".formatted(name, detail, takenOver,
				Duration.ofNanos(back - down).toMillis(), quiet, failed, requests,
				(requests == 0) ? 0.0 : 100.0 * failed / requests);
		System.out.println("Cluster fault: " + row);
		return row;
	}

	private static void write(List<String> rows, Load load, Counts counts) {
		FaultSuiteIT.write("cluster-faults.md",
				"| fault | survivors took over after (items sent after the kill all stored) | restarted in | quiet again after the restart "
						+ "| calls answered 503, not at all or cut off |\n|---|---|---|---|---|\n",
				rows, load, counts);
	}

}
