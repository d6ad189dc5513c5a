package org.dak.bench;

import java.util.Locale;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The results as JSON, and as the Markdown tables of {@code docs/benchmarks.md}. */
final class Report {

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private Report() {
	}

	static String json(Bench.Results results) {
		return JSON.writeValueAsString(results);
	}

	static String markdown(Bench.Results results) {
		StringBuilder md = new StringBuilder();
		md.append("Measured ")
			.append(results.at())
			.append(" on ")
			.append(results.machine())
			.append(" with `")
			.append(results.command())
			.append("`.\n\n");
		md.append("Kafka's `ProducerPerformance` on the same broker (600 B, `acks=all`): **")
			.append(number(results.ceilingRecordsPerSecond()))
			.append(" records/s**, the ceiling below.\n\n");
		md.append("| stored items |");
		results.sizes().forEach((size) -> md.append(' ').append(size.storedItems()).append(" |"));
		md.append("\n|---|");
		results.sizes().forEach((size) -> md.append("---|"));
		md.append('\n');
		row(md, results, "CPU with no traffic, the system's own processes (% of a core)",
				(s) -> number(s.idleCpuTotal()));
		row(md, results, "CPU with no traffic, per process", (s) -> s.idleCpuPercentOfACore().toString());
		if (results.sizes().stream().anyMatch((s) -> !s.settledCpuPercentOfACore().isEmpty())) {
			row(md, results,
					"CPU with no traffic once settled (`--settle-seconds` after the last phase), the system's own processes",
					(s) -> number(s.settledCpuTotal()));
			row(md, results, "CPU with no traffic once settled, per process",
					(s) -> s.settledCpuPercentOfACore().toString());
		}
		row(md, results, "RSS, the system's own processes (MiB)", (s) -> String.valueOf(s.rssTotal()));
		row(md, results, "RSS per process (MiB)", (s) -> s.rssMegabytes().toString());
		row(md, results, "submission at a fixed rate, gateway, p50 / p99 (ms)", (s) -> latency(s.gatewayAtFixedRate()));
		row(md, results, "submission at a fixed rate, intake directly, p50 / p99 (ms)",
				(s) -> latency(s.directAtFixedRate()));
		row(md, results, "acknowledgement → visible in public tracking, p50 / p99 (ms)",
				(s) -> latency(s.acknowledgedToVisible()));
		row(md, results, "submission at the maximum, gateway, p50 / p99 (ms)", (s) -> latency(s.gatewayAtMaximum()));
		row(md, results, "items/s through the gateway (share of the ceiling)",
				(s) -> rate(s.gatewayItemsPerSecond(), results));
		row(md, results, "items/s to intake directly (gateway ÷ direct)", (s) -> number(s.directItemsPerSecond()) + " ("
				+ percent(s.gatewayItemsPerSecond() / s.directItemsPerSecond()) + ")");
		row(md, results, "items/s visible in tracking, end to end (share of the ceiling)",
				(s) -> rate(s.visibleItemsPerSecond(), results));
		row(md, results, "SMS sent a second until every service had caught up with the fill",
				(s) -> number(s.notificationsPerSecond()));
		return md.toString();
	}

	private static void row(StringBuilder md, Bench.Results results, String name,
			java.util.function.Function<Bench.AtSize, String> value) {
		md.append("| ").append(name).append(" |");
		results.sizes().forEach((size) -> md.append(' ').append(value.apply(size)).append(" |"));
		md.append('\n');
	}

	private static String latency(Bench.Latency latency) {
		return number(latency.p50()) + " / " + number(latency.p99())
				+ ((latency.failed() > 0) ? " (" + latency.failed() + " failed)" : "");
	}

	private static String rate(double perSecond, Bench.Results results) {
		return number(perSecond) + " (" + percent(perSecond / results.ceilingRecordsPerSecond()) + ")";
	}

	private static String percent(double share) {
		return Double.isNaN(share) ? "–" : String.format(Locale.ROOT, "%.2f %%", 100 * share);
	}

	private static String number(double value) {
		if (Double.isNaN(value)) {
			return "–";
		}
		return (value >= 100) ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.1f", value);
	}

}
