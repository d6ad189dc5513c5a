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
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exit = Operator.run(args,
				Map.of("MONGODB_URI", system.mongoUri(), "KAFKA_BOOTSTRAP_SERVERS", system.kafkaBootstrapServers()),
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Output(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

}
