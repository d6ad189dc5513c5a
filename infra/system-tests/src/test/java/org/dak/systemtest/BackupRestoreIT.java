package org.dak.systemtest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operator's backup of a running system, every database wiped, the backup put back:
 * every item is still tracked as it was, work goes on, no applicant is sent a message
 * twice, and no receipt number given out after the backup is given again.
 */
class BackupRestoreIT {

	/** The first eight digits of the applicants' mobiles (9123450010 to 9123450013). */
	private static final String APPLICANTS_MOBILES = "91234500";

	@TempDir
	Path folder;

	@Test
	void aBackupPutBackAfterTheDatabasesAreLostKeepsEveryItemAndSendsNothingTwice() {
		RunningSystem system = RunningSystem.shared();
		Gateway gateway = new Gateway(system);
		Map<String, String> items = new LinkedHashMap<>();
		for (int i = 0; i < 4; i++) {
			JsonNode receipt = gateway.submitted(Map.of("name", "बैकअप परीक्षण", "mobile", "91234500" + (10 + i)),
					"बिजली का खंभा गिरा " + i, "सड़क पर बिजली का खंभा गिरा है।");
			items.put(receipt.get("receiptNumber").asString(), receipt.get("accessCode").asString());
		}
		await().atMost(Duration.ofSeconds(60))
			.until(() -> items.keySet().stream().allMatch((number) -> messagesAbout(system, number) == 1));
		Map<String, String> statusBefore = new LinkedHashMap<>();
		items.forEach((number, code) -> statusBefore.put(number, gateway.trackedStatus(number, code)));
		assertThat(statusBefore.values()).containsOnly("RECEIVED");

		OperatorCommand.Output backup = OperatorCommand.run(system, "backup", this.folder.toString());
		assertThat(backup.exit()).as(backup.errors()).isZero();
		assertThat(backup.out()).contains("backed up");
		// receipts given out after the backup: in no backup, but their numbers are held
		List<String> afterTheBackup = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			afterTheBackup.add(
					gateway
						.submitted(Map.of("name", "बैकअप के बाद", "mobile", "91234500" + (20 + i)), "नाली जाम " + i,
								"मोहल्ले की नाली जाम है।")
						.get("receiptNumber")
						.asString());
		}
		// published: their receipts went out
		await().atMost(Duration.ofSeconds(60))
			.until(() -> afterTheBackup.stream().allMatch((number) -> messagesAbout(system, number) == 1));

		List<String> wiped = wipeEveryDatabase(system);
		assertThat(wiped).contains("dak_intake", "dak_tracking", "dak_notification");
		String first = items.keySet().iterator().next();
		assertThat(gateway.anonymous()
			.get()
			.uri("/api/v1/public/track/" + first + "?code=" + items.get(first))
			.retrieve()
			.toBodilessEntity()
			.getStatusCode()
			.value()).as("the item is gone with the database").isEqualTo(404);

		// the services kept running meanwhile and wrote a little of their own: replaced
		OperatorCommand.Output restore = OperatorCommand.run(system, "restore", this.folder.toString(), "--replace");
		assertThat(restore.exit()).as(restore.errors()).isZero();
		assertThat(restore.out()).contains("restored").contains("receipt counter");
		// the next receipt is numbered above every one given out, also after the backup
		String next = gateway
			.submitted(Map.of("name", "पुनर्स्थापना के बाद", "mobile", "9123450030"), "हैंडपंप खराब",
					"गाँव का हैंडपंप खराब है।")
			.get("receiptNumber")
			.asString();
		assertThat(serial(next)).as(next + " after " + afterTheBackup)
			.isGreaterThan(afterTheBackup.stream().mapToLong(BackupRestoreIT::serial).max().orElseThrow());

		items.forEach((number, code) -> assertThat(gateway.trackedStatus(number, code)).as(number)
			.isEqualTo(statusBefore.get(number)));
		RestClient dm = gateway.as(gateway.account("backup.dm", "DM", Map.of()));
		Gateway.markWhenInInbox(dm, first, "SUPPLY");
		await().atMost(Duration.ofSeconds(60))
			.until(() -> "MARKED".equals(gateway.trackedStatus(first, items.get(first))));
		// the marking's message to the applicant arrives; the receipts are not sent again
		await().atMost(Duration.ofSeconds(60)).until(() -> messagesAbout(system, first) == 2);
		await().during(Duration.ofSeconds(10))
			.atMost(Duration.ofSeconds(15))
			.until(() -> items.keySet().stream().skip(1).allMatch((number) -> messagesAbout(system, number) == 1));
	}

	/** The serial of a receipt number: {@code NAL-2026-000123-K} is 123. */
	private static long serial(String receiptNumber) {
		return Long.parseLong(receiptNumber.split("-")[2]);
	}

	/**
	 * The SMS messages the applicant of the item was sent (officers' are not counted).
	 */
	private static long messagesAbout(RunningSystem system, String number) {
		return system.smsTaken()
			.stream()
			.filter((sms) -> sms.contains(number) && sms.contains(APPLICANTS_MOBILES))
			.count();
	}

	private static List<String> wipeEveryDatabase(RunningSystem system) {
		List<String> dropped = new ArrayList<>();
		try (MongoClient mongo = MongoClients.create(system.mongoUri())) {
			for (String name : mongo.listDatabaseNames()) {
				if (!List.of("admin", "local", "config").contains(name)) {
					mongo.getDatabase(name).drop();
					dropped.add(name);
				}
			}
		}
		return dropped;
	}

}
