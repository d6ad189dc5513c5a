package org.dak.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU and memory of the system's processes, read from {@code /proc} for the process IDs
 * the local stack's launcher keeps ({@code data/run/<name>.pid}).
 */
final class Processes {

	/** Linux counts CPU time in ticks of 1/100 s ({@code getconf CLK_TCK}). */
	private static final double TICKS_PER_SECOND = 100;

	private Processes() {
	}

	/** CPU used over a while, in % of one core, and resident memory, per process. */
	record Sample(Map<String, Double> cpuPercentOfACore, Map<String, Long> rssMegabytes) {
	}

	/**
	 * Samples every process named in the folder for the given time; nothing if there is
	 * no such folder.
	 */
	static Sample sample(Path pids, Duration during) {
		Map<String, Long> processes = processes(pids);
		if (processes.isEmpty()) {
			Bench.say("no process IDs in " + pids + ": no CPU and memory figures");
			return new Sample(Map.of(), Map.of());
		}
		Map<String, Long> before = new LinkedHashMap<>();
		processes.forEach((name, pid) -> before.put(name, ticks(pid)));
		long start = System.nanoTime();
		try {
			Thread.sleep(during.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		Map<String, Double> cpu = new TreeMap<>();
		Map<String, Long> rss = new TreeMap<>();
		processes.forEach((name, pid) -> {
			long used = ticks(pid) - before.get(name);
			cpu.put(name, Math.round(1000 * used / TICKS_PER_SECOND / seconds) / 10.0);
			rss.put(name, rssKilobytes(pid) / 1024);
		});
		return new Sample(cpu, rss);
	}

	private static Map<String, Long> processes(Path pids) {
		Map<String, Long> processes = new TreeMap<>();
		if (pids == null || !Files.isDirectory(pids)) {
			return processes;
		}
		try (Stream<Path> files = Files.list(pids)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".pid")).toList()) {
				long pid = Long.parseLong(Files.readString(file).strip());
				if (Files.isDirectory(Path.of("/proc", String.valueOf(pid)))) {
					processes.put(file.getFileName().toString().replace(".pid", ""), pid);
				}
			}
		}
		catch (IOException | NumberFormatException ex) {
			Bench.say("cannot read the process IDs in " + pids + ": " + ex);
		}
		return processes;
	}

	/** User and system CPU ticks of a process so far (fields 14 and 15 of its stat). */
	private static long ticks(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
			// the command name in parentheses may hold spaces: count from after it
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
		}
		catch (IOException ex) {
			return 0;
		}
	}

	private static long rssKilobytes(long pid) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("\\D", ""));
				}
			}
		}
		catch (IOException ex) {
			// the process ended
		}
		return 0;
	}

}
