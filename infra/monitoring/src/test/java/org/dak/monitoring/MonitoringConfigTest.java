package org.dak.monitoring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.dak.testsupport.CommandLine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The monitoring files as Prometheus reads them ({@code promtool}, offline): the
 * configuration, the alert rules and their unit tests, every dashboard query; and that
 * each alert says where the runbook tells what to do about it.
 */
class MonitoringConfigTest {

	private static final Path PROMETHEUS = Path.of("prometheus");

	private static final Path DASHBOARDS = Path.of("grafana", "dashboards");

	private static final Path RUNBOOK = Path.of("..", "..", "docs", "runbook.md");

	@BeforeAll
	static void promtool() {
		assumeTrue(CommandLine.installed("promtool"), "promtool is not installed (.ci/run installs it)");
	}

	@Test
	void prometheusAcceptsTheConfigurationAndTheRules() {
		CommandLine config = run(PROMETHEUS, "promtool", "check", "config", "prometheus.yml");
		assertThat(config.exit()).as(config.all()).isZero();
		CommandLine rules = run(PROMETHEUS, "promtool", "check", "rules", "alerts.yml");
		assertThat(rules.exit()).as(rules.all()).isZero();
		assertThat(rules.output()).contains("SUCCESS: 10 rules found");
	}

	@Test
	void eachAlertFiresWhenItShouldAndOnlyThen() {
		CommandLine tests = run(PROMETHEUS, "promtool", "test", "rules", "alerts-test.yml");

		assertThat(tests.exit()).as(tests.all()).isZero();
		assertThat(tests.output()).contains("SUCCESS");
	}

	@Test
	void everyAlertIsTestedAndHasItsPlaceInTheRunbook() throws IOException {
		String rules = Files.readString(PROMETHEUS.resolve("alerts.yml"));
		String tests = Files.readString(PROMETHEUS.resolve("alerts-test.yml"));
		String runbook = Files.readString(RUNBOOK).toLowerCase(java.util.Locale.ROOT);
		Set<String> alerts = all(Pattern.compile("(?m)^\\s+- alert: (\\S+)"), rules);
		assertThat(alerts).hasSize(10);
		for (String alert : alerts) {
			assertThat(tests).as(alert + " has a unit test").contains("alertname: " + alert);
			assertThat(rules).as(alert + " points to the runbook")
				.contains("runbook: docs/runbook.md#" + alert.toLowerCase(java.util.Locale.ROOT));
			assertThat(runbook).as("the runbook has a section for " + alert)
				.contains("### " + alert.toLowerCase(java.util.Locale.ROOT));
		}
	}

	@Test
	void everyDashboardQueryIsValidPromqlOnThePrometheusDataSource(@TempDir Path scratch) throws IOException {
		List<String> expressions = new ArrayList<>();
		try (Stream<Path> files = Files.list(DASHBOARDS)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".json")).sorted().toList()) {
				JsonNode dashboard = JsonMapper.builder().build().readTree(file.toFile());
				assertThat(dashboard.get("uid").asString()).startsWith("dak-");
				for (JsonNode panel : dashboard.get("panels")) {
					String where = file.getFileName() + ": " + panel.get("title").asString();
					assertThat(panel.path("datasource").path("uid").asString()).as(where).isEqualTo("dak-prometheus");
					assertThat(panel.get("targets")).as(where).isNotEmpty();
					panel.get("targets").forEach((target) -> expressions.add(target.get("expr").asString()));
				}
			}
		}
		assertThat(expressions).hasSizeGreaterThan(20);
		// promtool has no "check this query": each becomes a recording rule, which it
		// parses
		StringBuilder rules = new StringBuilder("groups:\n  - name: dashboards\n    rules:\n");
		for (int i = 0; i < expressions.size(); i++) {
			rules.append("      - record: dashboard_query_")
				.append(i)
				.append("\n        expr: '")
				.append(expressions.get(i).replace("'", "''"))
				.append("'\n");
		}
		Files.writeString(scratch.resolve("queries.yml"), rules);

		CommandLine check = run(scratch, "promtool", "check", "rules", "queries.yml");

		assertThat(check.exit()).as(check.all()).isZero();
		assertThat(Files.readString(Path.of("grafana/provisioning/datasources/prometheus.yml")))
			.contains("uid: dak-prometheus");
	}

	@Test
	void aMistakeInAQueryIsFound(@TempDir Path scratch) throws IOException {
		Files.writeString(scratch.resolve("queries.yml"), """
				groups:
				  - name: dashboards
				    rules:
				      - record: broken
				        expr: 'sum by (service (rate(up[5m]))'
				""");

		assertThat(run(scratch, "promtool", "check", "rules", "queries.yml").exit()).isNotZero();
	}

	private static Set<String> all(Pattern pattern, String text) {
		Set<String> found = new LinkedHashSet<>();
		Matcher matcher = pattern.matcher(text);
		while (matcher.find()) {
			found.add(matcher.group(1));
		}
		return found;
	}

	private static CommandLine run(Path directory, String... command) {
		return CommandLine.run(directory, command);
	}

}
