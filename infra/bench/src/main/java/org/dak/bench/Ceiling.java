package org.dak.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kafka's own producer benchmark ({@code ProducerPerformance}) on the broker the system
 * uses: what the broker can take on this machine, the ceiling for every rate measured.
 */
final class Ceiling {

	private static final Pattern RATE = Pattern.compile("records sent, ([0-9.]+) records/sec");

	private Ceiling() {
	}

	/**
	 * Records a second for that many records of 600 bytes with {@code acks=all}, or NaN
	 * if the benchmark could not run.
	 */
	static double producerPerformance(String bootstrapServers, int records) {
		List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
				"-cp", System.getProperty("java.class.path"), "org.apache.kafka.tools.ProducerPerformance", "--topic",
				"bench-ceiling", "--num-records", String.valueOf(records), "--record-size", "600", "--throughput", "-1",
				"--producer-props", "bootstrap.servers=" + bootstrapServers, "acks=all");
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
				Bench.say("Kafka's producer benchmark failed: " + output);
				return Double.NaN;
			}
			Matcher rate = RATE.matcher(output);
			double last = Double.NaN;
			while (rate.find()) {
				last = Double.parseDouble(rate.group(1));
			}
			return last;
		}
		catch (IOException ex) {
			Bench.say("Kafka's producer benchmark could not start: " + ex);
			return Double.NaN;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Double.NaN;
		}
	}

}
