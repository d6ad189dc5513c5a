package org.dak.systemtest;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.dak.localstack.Probes;
import org.dak.localstack.Supervisor;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The launcher's watch ({@link Supervisor}, as {@code ./run-local.sh} runs it) over the
 * real services: routing is killed ({@code kill -9}) while an item comes in; the launcher
 * starts it again after its back-off, says so, and the item reaches the DM's desk and is
 * marked.
 */
class LauncherRestartIT {

	@Test
	void aServiceKilledUnderTheLauncherIsStartedAgainAndTheItemsFlowOn() {
		RunningSystem system = RunningSystem.shared();
		Gateway gateway = new Gateway(system);
		RestClient dm = gateway.as(gateway.account("launcher.dm", "DM", Map.of()));
		List<String> said = new CopyOnWriteArrayList<>();
		Supervisor launcher = new Supervisor(System::nanoTime, said::add).watch(system.process("routing-service"));

		system.kill("routing-service");
		JsonNode receipt = gateway.submitted(Map.of("name", "लॉन्चर परीक्षण", "mobile", "9123480010"), "सड़क पर पानी",
				"बरसात का पानी सड़क पर जमा है।");
		String number = receipt.get("receiptNumber").asString();
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(launcher::check);
		await().atMost(Duration.ofMinutes(3))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> Probes.healthy(system.serviceUrl("routing-service")));

		assertThat(said).anyMatch((line) -> line.contains("routing-service has stopped; starting it again in"))
			.contains("routing-service started again.");
		Gateway.markWhenInInbox(dm, number, "SUPPLY");
		await().atMost(Duration.ofSeconds(60))
			.until(() -> "MARKED".equals(gateway.trackedStatus(number, receipt.get("accessCode").asString())));
	}

}
