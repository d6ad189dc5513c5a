package org.dak.systemtest;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The SMS provider refused an applicant's receipt for good; once it is put right, the
 * operator has the item's messages sent again ({@code dak resend}): the receipt arrives,
 * once, and nothing else is sent twice.
 */
class ResendIT {

	private static final String MOBILE = "9123470010";

	@Test
	void aReceiptTheProviderRefusedArrivesOnceWhenTheOperatorResendsIt() {
		RunningSystem system = RunningSystem.shared();
		Gateway gateway = new Gateway(system);
		RestClient dm = gateway.as(gateway.account("resend.dm", "DM", Map.of()));
		system.smsProviderRefuses(MOBILE);
		String number;
		try {
			number = gateway
				.submitted(Map.of("name", "पुनः प्रेषण परीक्षण", "mobile", MOBILE), "हैंडपंप खराब",
						"टोले का हैंडपंप खराब है।")
				.get("receiptNumber")
				.asString();
			await().atMost(Duration.ofSeconds(60))
				.until(() -> statuses(dm, number).contains("SMS received permanent-failure"));
		}
		finally {
			system.smsProviderWorks();
		}
		assertThat(taken(system, number)).isZero();

		OperatorCommand.Output wrongUser = OperatorCommand.run(system, Map.of("DAK_PASSWORD", "not-the-password"),
				"resend", number, "--user", "resend.dm");
		assertThat(wrongUser.exit()).isEqualTo(1);
		assertThat(wrongUser.errors()).contains("signing in as resend.dm", "401");
		OperatorCommand.Output resent = OperatorCommand.run(system, Map.of("DAK_PASSWORD", Gateway.PASSWORD), "resend",
				number, "--user", "resend.dm");

		assertThat(resent.exit()).as(resent.errors()).isZero();
		assertThat(resent.out()).contains("queued again: SMS received to APPLICANT", "1 messages queued again");
		await().atMost(Duration.ofSeconds(60)).until(() -> taken(system, number) == 1);
		await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10)).until(() -> taken(system, number) == 1);
		assertThat(statuses(dm, number)).contains("SMS received sent");
	}

	private static List<String> statuses(RestClient dm, String number) {
		return dm.get()
			.uri("/api/v1/notifications?complaintId=" + number)
			.retrieve()
			.body(JsonNode.class)
			.valueStream()
			.map((n) -> n.get("channel").asString() + " " + n.get("template").asString() + " "
					+ n.get("status").asString())
			.toList();
	}

	private static long taken(RunningSystem system, String number) {
		return system.smsTaken().stream().filter((sms) -> sms.contains(number) && sms.contains(MOBILE)).count();
	}

}
