package org.dak.systemtest;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.dak.operator.Operator;

/**
 * The operator's command ({@code dak dlt|backup|restore|rebuild ...}) on the running
 * system.
 */
final class OperatorCommand {

	private OperatorCommand() {
	}

	/** What the command said, and how it ended. */
	record Output(int exit, String out, String errors) {
	}

	static Output run(RunningSystem system, String... args) {
		return run(system, Map.of(), args);
	}

	/** With more settings, e.g. {@code DAK_PASSWORD}. */
	static Output run(RunningSystem system, Map<String, String> settings, String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		Map<String, String> environment = new java.util.HashMap<>(settings);
		environment.put("MONGODB_URI", system.mongoUri());
		environment.put("KAFKA_BOOTSTRAP_SERVERS", system.kafkaBootstrapServers());
		environment.put("DAK_GATEWAY_URL", system.gatewayUrl());
		int exit = Operator.run(args, environment, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Output(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

}
