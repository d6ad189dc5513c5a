package org.dak.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark harness. Against a running system (the local stack by default, or any
 * URLs), for each size N it fills the system to N stored items, waits for quiet, and
 * measures: the CPU and memory of every process with no traffic, submission latency at a
 * fixed rate through the gateway and to intake directly, the time from acknowledgement to
 * visible in public tracking, and the most items a second through the gateway and
 * directly, and how many become visible in tracking a second. Kafka's own producer
 * benchmark on the same broker, run first, is the ceiling every rate is compared with.
 * Prints a Markdown table and writes it with the JSON to the output folder.
 */
public final class Bench {

	private Bench() {
	}

	/**
	 * What to measure, and where.
	 *
	 * @param gateway the gateway's URL
	 * @param intake intake's URL, to submit past the gateway
	 * @param tracking tracking's URL, to see items arrive
	 * @param notification the notification service's URL, to read its backlog
	 * @param kafka the broker, for the ceiling; {@code null} to leave it out
	 * @param pids a folder of {@code <process>.pid} files (the local stack's
	 * {@code data/run}); {@code null} or missing: no CPU and memory figures
	 * @param dmUser an account with the DM role, to read the counts
	 * @param dmPassword its password
	 * @param sizes the numbers of stored items to measure at, in order
	 * @param phase how long each timed phase lasts
	 * @param idle how long CPU is sampled with no traffic
	 * @param settle how long after the last phase CPU is sampled again with no traffic
	 * (the store may still be compacting what the phases wrote); zero: not sampled
	 * @param rate submissions a second in the fixed-rate phases
	 * @param concurrency callers at once in the maximum-rate phases
	 * @param ceilingRecords how many records Kafka's producer benchmark sends
	 * @param out where the results are written
	 */
	public record Settings(URI gateway, URI intake, URI tracking, URI notification, String kafka, Path pids,
			String dmUser, String dmPassword, List<Integer> sizes, Duration phase, Duration idle, Duration settle,
			int rate, int concurrency, int ceilingRecords, Path out) {

		/** The local stack on its default ports, at 1k, 20k and 100k items. */
		static Settings from(Map<String, String> args) {
			Map<String, String> env = System.getenv();
			Path data = Path.of(env.getOrDefault("DAK_DATA_DIR", "data"));
			List<Integer> sizes = new ArrayList<>();
			for (String size : args.getOrDefault("sizes", "1000,20000,100000").split(",")) {
				sizes.add(Integer.parseInt(size.strip()));
			}
			return new Settings(URI.create(args.getOrDefault("gateway", "http://127.0.0.1:8080")),
					URI.create(args.getOrDefault("intake", "http://127.0.0.1:8081")),
					URI.create(args.getOrDefault("tracking", "http://127.0.0.1:8083")),
					URI.create(args.getOrDefault("notification", "http://127.0.0.1:8084")),
					args.getOrDefault("kafka", "127.0.0.1:9092"), Path.of(args.getOrDefault("pids", data + "/run")),
					args.getOrDefault("dm-user", "dm"),
					args.getOrDefault("dm-password", env.getOrDefault("DAK_DEMO_PASSWORD", "dak-demo-2026")), sizes,
					Duration.ofSeconds(Long.parseLong(args.getOrDefault("phase-seconds", "30"))),
					Duration.ofSeconds(Long.parseLong(args.getOrDefault("idle-seconds", "30"))),
					Duration.ofSeconds(Long.parseLong(args.getOrDefault("settle-seconds", "0"))),
					Integer.parseInt(args.getOrDefault("rate", "5")),
					Integer.parseInt(args.getOrDefault("concurrency", "16")),
					Integer.parseInt(args.getOrDefault("ceiling-records", "200000")),
					Path.of(args.getOrDefault("out", "target/bench")));
		}

	}

	/** Latencies in milliseconds. */
	public record Latency(int count, int failed, double p50, double p99) {

		static Latency of(List<Long> nanos, int failed) {
			List<Long> sorted = nanos.stream().sorted().toList();
			return new Latency(sorted.size(), failed, percentile(sorted, 0.50), percentile(sorted, 0.99));
		}

		private static double percentile(List<Long> sorted, double p) {
			if (sorted.isEmpty()) {
				return Double.NaN;
			}
			int index = (int) Math.ceil(p * sorted.size()) - 1;
			return sorted.get(Math.max(0, index)) / 1_000_000.0;
		}

	}

	/** The figures at one size. */
	public record AtSize(int storedItems, Map<String, Double> idleCpuPercentOfACore,
			Map<String, Double> settledCpuPercentOfACore, Map<String, Long> rssMegabytes, Latency gatewayAtFixedRate,
			Latency directAtFixedRate, Latency acknowledgedToVisible, Latency gatewayAtMaximum,
			double gatewayItemsPerSecond, double directItemsPerSecond, double visibleItemsPerSecond,
			double notificationsPerSecond) {

		/** The local stack's stand-ins for a mail server and an SMS provider. */
		static final java.util.Set<String> STAND_INS = java.util.Set.of("mail", "sms-simulator");

		/** The system's own processes: the services, the gateway, the broker, MongoDB. */
		double idleCpuTotal() {
			return ownCpu(this.idleCpuPercentOfACore);
		}

		/** The same after the settle period; NaN if none was sampled. */
		double settledCpuTotal() {
			return this.settledCpuPercentOfACore.isEmpty() ? Double.NaN : ownCpu(this.settledCpuPercentOfACore);
		}

		private static double ownCpu(Map<String, Double> cpu) {
			return cpu.entrySet()
				.stream()
				.filter((process) -> !STAND_INS.contains(process.getKey()))
				.mapToDouble(Map.Entry::getValue)
				.sum();
		}

		long rssTotal() {
			return this.rssMegabytes.entrySet()
				.stream()
				.filter((process) -> !STAND_INS.contains(process.getKey()))
				.mapToLong(Map.Entry::getValue)
				.sum();
		}

	}

	/** A whole run. */
	public record Results(Instant at, String machine, String command, double ceilingRecordsPerSecond,
			List<AtSize> sizes) {
	}

	public static void main(String[] arguments) {
		Map<String, String> args = new LinkedHashMap<>();
		for (int i = 0; i + 1 < arguments.length; i += 2) {
			args.put(arguments[i].replaceFirst("^--", ""), arguments[i + 1]);
		}
		Results results = run(Settings.from(args), "bench.sh " + String.join(" ", arguments));
		System.out.println(Report.markdown(results));
	}

	/**
	 * Runs the whole benchmark and writes its results, after each size: a run stopped
	 * before the largest keeps what it measured.
	 */
	public static Results run(Settings settings, String command) {
		Target target = new Target(settings);
		double ceiling = (settings.kafka() != null)
				? Ceiling.producerPerformance(settings.kafka(), settings.ceilingRecords()) : Double.NaN;
		say("Kafka's producer benchmark on the same broker: %.0f records/s".formatted(ceiling));
		List<AtSize> sizes = new ArrayList<>();
		Results results = null;
		for (int size : settings.sizes()) {
			sizes.add(target.measureAt(size));
			results = new Results(Instant.now(), Machine.describe(), command, ceiling, List.copyOf(sizes));
			write(settings, results);
		}
		return results;
	}

	private static void write(Settings settings, Results results) {
		try {
			Files.createDirectories(settings.out());
			Files.writeString(settings.out().resolve("results.json"), Report.json(results));
			Files.writeString(settings.out().resolve("results.md"), Report.markdown(results));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static void say(String line) {
		System.out.println("[bench] " + line);
	}

}
