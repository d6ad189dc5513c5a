package org.dak.systemtest;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.dak.bench.Bench;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark harness, run for seconds against the system tests' system: it must fill,
 * measure and report every figure. What the figures are is for
 * {@code docs/benchmarks.md}, never for an assertion.
 */
class BenchSmokeIT {

	@Test
	void theHarnessFillsTheSystemMeasuresEveryFigureAndWritesItsReport() throws Exception {
		RunningSystem system = RunningSystem.shared();
		Gateway gateway = new Gateway(system);
		gateway.account("bench.dm", "DM", Map.of());
		Path out = Path.of("target", "bench-smoke");
		Bench.Settings settings = new Bench.Settings(URI.create(system.gatewayUrl()),
				URI.create(system.serviceUrl("intake-service")), URI.create(system.serviceUrl("tracking-service")),
				URI.create(system.serviceUrl("notification-service")), system.kafkaBootstrapServers(),
				system.processIds(), "bench.dm", Gateway.PASSWORD, List.of(40), Duration.ofSeconds(3),
				Duration.ofSeconds(2), Duration.ofSeconds(1), 5, 4, 20_000, out);

		Bench.Results results = Bench.run(settings, "BenchSmokeIT");

		assertThat(results.ceilingRecordsPerSecond()).isPositive();
		assertThat(results.sizes()).singleElement().satisfies((figures) -> {
			assertThat(figures.storedItems()).isGreaterThanOrEqualTo(40);
			assertThat(figures.idleCpuPercentOfACore()).containsKeys("gateway", "intake-service", "kafka", "mongodb");
			assertThat(figures.settledCpuPercentOfACore()).containsKeys("gateway", "intake-service", "kafka",
					"mongodb");
			assertThat(figures.rssMegabytes()).allSatisfy((process, megabytes) -> assertThat(megabytes).isPositive());
			assertThat(figures.gatewayAtFixedRate().count()).isPositive();
			assertThat(figures.directAtFixedRate().count()).isPositive();
			assertThat(figures.acknowledgedToVisible().count()).isEqualTo(figures.gatewayAtFixedRate().count());
			assertThat(figures.gatewayAtMaximum().failed()).isZero();
			assertThat(figures.visibleItemsPerSecond()).isPositive();
			assertThat(figures.directItemsPerSecond()).isPositive();
		});
		assertThat(Files.readString(out.resolve("results.md"))).contains("acknowledgement → visible in public tracking")
			.contains("once settled");
		assertThat(Files.readString(out.resolve("results.json"))).contains("\"ceilingRecordsPerSecond\"");
	}

}
