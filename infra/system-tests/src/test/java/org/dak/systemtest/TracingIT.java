package org.dak.systemtest;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One item's path through the system is one trace: the gateway, intake, and the three
 * services that take the item from intake's event (routing's inbox, tracking's timeline,
 * notification's receipt message), though the event waits in an outbox in between and
 * crosses the broker.
 */
class TracingIT {

	private static final List<String> EVERY_SERVICE = List.of("gateway", "intake-service", "routing-service",
			"tracking-service", "notification-service");

	@Test
	void anItemsWayThroughEveryServiceIsOneTrace() {
		RunningSystem system = RunningSystem.shared();
		Gateway gateway = new Gateway(system);
		String traceId = hex(16);
		// the caller starts the trace and asks for it to be recorded (flag 01)
		String traceparent = "00-" + traceId + "-" + hex(8) + "-01";

		JsonNode receipt = gateway.submitted(
				Map.of("name", "अनुरेखण परीक्षण", "mobile", "9123400088", "email", "trace@example.in"),
				"नल से पानी नहीं आता", "तीन दिन से पानी नहीं आया।", "traceparent", traceparent);
		assertThat(receipt.get("receiptNumber").asString()).isNotBlank();

		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofSeconds(1))
			.untilAsserted(() -> assertThat(system.traces().servicesIn(traceId, EVERY_SERVICE))
				.as("services that recorded spans of trace %s", traceId)
				.containsExactlyElementsOf(EVERY_SERVICE));
	}

	@Test
	void theLogsCarryTheTraceRequestAndItemButNoApplicantsPersonalData() throws Exception {
		RunningSystem system = RunningSystem.shared();
		Gateway gateway = new Gateway(system);
		String traceId = hex(16);
		String name = "गोपनीय आवेदक";
		String mobile = "9123400099";
		String email = "private.applicant@example.in";
		JsonNode receipt = gateway.submitted(Map.of("name", name, "mobile", mobile, "email", email), "सड़क टूटी है",
				"मुख्य सड़क पर गड्ढे हैं।", "traceparent", "00-" + traceId + "-" + hex(8) + "-01");
		String number = receipt.get("receiptNumber").asString();
		await().atMost(Duration.ofSeconds(60))
			.until(() -> system.smsTaken().stream().anyMatch((sms) -> sms.contains(number)));

		String logs = allLogs(system.logs());

		assertThat(logs).as("no applicant's name, mobile or e-mail in any log")
			.doesNotContain(name)
			.doesNotContain(mobile)
			.doesNotContain(email);
		assertThat(logs).as("log lines about the item carry its trace and its number")
			.containsPattern(traceId + "[^\\n]*" + number + "|" + number + "[^\\n]*" + traceId);
	}

	private static String allLogs(java.nio.file.Path folder) throws java.io.IOException {
		StringBuilder all = new StringBuilder();
		try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(folder)) {
			for (java.nio.file.Path file : files.toList()) {
				all.append(java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.UTF_8));
			}
		}
		return all.toString();
	}

	private static String hex(int bytes) {
		byte[] random = new byte[bytes];
		ThreadLocalRandom.current().nextBytes(random);
		return HexFormat.of().formatHex(random);
	}

}
