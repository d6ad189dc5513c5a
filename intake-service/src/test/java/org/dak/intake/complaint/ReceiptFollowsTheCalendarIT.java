package org.dak.intake.complaint;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dak.contracts.Holiday;
import org.dak.contracts.OfficeTime;
import org.dak.contracts.SettingsChanged;
import org.dak.contracts.Topics;
import org.dak.contracts.WorkingCalendar;
import org.dak.contracts.WorkingDays;
import org.dak.support.events.EventJson;
import org.dak.support.settings.CalendarProperties;
import org.dak.testsupport.Http;
import org.dak.testsupport.PublishedRecords;
import org.dak.testsupport.ServiceIntegrationTest;
import org.dak.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ServiceIntegrationTest
// its calendar change is for this test alone
@DirtiesContext
class ReceiptFollowsTheCalendarIT {

	private static final DateTimeFormatter PRINTED = DateTimeFormatter.ofPattern("dd-MM-yyyy");

	@LocalServerPort
	int port;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Autowired
	CalendarProperties files;

	@Test
	void aReceiptPrintedAfterAHolidayIsAddedShowsTheLaterExpectedDate() {
		RestClient desk = Http.local(this.port, TestTokens.token("desk.clerk", "RECEIPT_DESK"));
		JsonNode receipt = Http.json(desk, HttpMethod.POST, "/api/v1/complaints",
				Map.of("channel", "WALK_IN", "applicant", Map.of("name", "सुनीता देवी", "mobile", "9876543210"),
						"subject", "वृद्धावस्था पेंशन का भुगतान नहीं", "description", "छह महीने से पेंशन नहीं मिली।"))
			.getBody();
		String id = receipt.get("receiptNumber").asString();
		LocalDate received = OfficeTime.dateOf(Instant.parse(receipt.get("receivedAt").asString()));
		WorkingCalendar installed = this.files.calendar();
		LocalDate before = installed.workingDays().plusWorkingDays(received, 60);
		assertThat(page(desk, id)).contains(PRINTED.format(before));

		// the administrator adds a holiday on a working day before the expected date
		WorkingDays days = installed.workingDays();
		LocalDate holiday = days.plusWorkingDays(received, 10);
		List<Holiday> holidays = new ArrayList<>(installed.holidays());
		holidays.add(new Holiday(holiday, "स्थानीय अवकाश", "Local holiday", Holiday.GAZETTED));
		WorkingCalendar changed = new WorkingCalendar(installed.workingWeek(), holidays);
		PublishedRecords.send(this.bootstrapServers, Topics.SETTINGS_CHANGED, SettingsChanged.CALENDAR,
				EventJson
					.write(new SettingsChanged(UUID.randomUUID().toString(), SettingsChanged.CALENDAR, Instant.now(), 2,
							"admin", "local holiday", "holiday added: " + holiday + " Local holiday", changed))
					.getBytes(StandardCharsets.UTF_8));

		LocalDate after = changed.workingDays().plusWorkingDays(received, 60);
		assertThat(after).isEqualTo(days.plusWorkingDays(before, 1));
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(page(desk, id)).contains(PRINTED.format(after)));
	}

	private static String page(RestClient desk, String id) {
		return desk.get().uri("/api/v1/complaints/" + id + "/receipt.html").retrieve().body(String.class);
	}

}
