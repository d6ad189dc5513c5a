package org.dak.tracking.settings;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dak.contracts.OfficeTime;
import org.dak.contracts.Topics;
import org.dak.items.identity.ReceiptNumbers;
import org.dak.support.settings.CalendarProperties;
import org.dak.support.settings.OfficeSettings;
import org.dak.testsupport.Http;
import org.dak.testsupport.PublishedRecords;
import org.dak.testsupport.ServiceIntegrationTest;
import org.dak.testsupport.TestClock;
import org.dak.testsupport.TestTokens;
import org.dak.tracking.TrackedItems;
import org.dak.tracking.TrackingApplication;
import org.dak.tracking.deadline.DeadlinePolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ServiceIntegrationTest
@Import(OfficeCalendarIT.Clocks.class)
// the first change finds the installed version 1; the others count from whatever is there
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DirtiesContext
class OfficeCalendarIT {

	/**
	 * The broker of the context tested before this class: the in-JVM broker of this one
	 * writes its address into the system property every context resolves
	 * {@code spring.kafka.bootstrap-servers} from, and a paused context resumed after
	 * this class would otherwise send its test's records here.
	 */
	private static final String BOOTSTRAP_BEFORE = System.getProperty("spring.kafka.bootstrap-servers");

	@AfterAll
	static void giveTheBrokerAddressBack() {
		if (BOOTSTRAP_BEFORE != null) {
			System.setProperty("spring.kafka.bootstrap-servers", BOOTSTRAP_BEFORE);
		}
	}

	@TestConfiguration
	static class Clocks {

		/** 7 December 2026: the list for 2027 should be there by now. */
		@Bean
		@Primary
		TestClock testClock() {
			return new TestClock(LocalDate.of(2026, 12, 7).atTime(11, 0).atZone(OfficeTime.ZONE).toInstant());
		}

	}

	@LocalServerPort
	int port;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Autowired
	OfficeSettings settings;

	@Autowired
	DeadlinePolicy deadlines;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	CalendarProperties files;

	@Autowired
	MeterRegistry meters;

	@Autowired
	Environment environment;

	@Test
	@Order(1)
	void aHolidayAddedAtTheDeskMovesDeadlinesInEveryInstanceWithoutARestartAndIsKeptWithItsHistory() {
		RestClient admin = Http.local(this.port, TestTokens.token("admin.one", "ADMIN"));
		JsonNode installed = admin.get().uri("/api/v1/settings/calendar").retrieve().body(JsonNode.class);
		assertThat(installed.get("version").asLong()).isEqualTo(1);
		assertThat(installed.get("changedBy").asString()).isEqualTo("installation");
		assertThat(installed.get("holidays")).hasSize(12);
		assertThat(installed.get("yearMissing").asInt()).as("December, and no holidays for 2027").isEqualTo(2027);
		assertThat(this.meters.get("dak.calendar.holidays.missing.year").gauge().value()).isEqualTo(2027.0);
		// Friday 22 January 2027 + 2 working days, Monday to Friday: Tuesday 26th
		LocalDate friday = LocalDate.of(2027, 1, 22);
		assertThat(this.settings.workingDays().plusWorkingDays(friday, 2)).isEqualTo(LocalDate.of(2027, 1, 26));

		List<Map<String, Object>> holidays = holidays(installed);
		holidays
			.add(Map.of("date", "2027-01-26", "nameHi", "गणतंत्र दिवस", "nameEn", "Republic Day", "kind", "GAZETTED"));
		ResponseEntity<JsonNode> changed = Http.json(admin, HttpMethod.PUT, "/api/v1/settings/calendar",
				change(1, "राज्य सरकार की अधिसूचना / the state's notification", holidays));

		assertThat(changed.getStatusCode().value()).isEqualTo(200);
		assertThat(changed.getBody().get("version").asLong()).isEqualTo(2);
		assertThat(changed.getBody().get("changedBy").asString()).isEqualTo("admin.one");
		assertThat(changed.getBody().get("summary").asString()).isEqualTo("holiday added: 2027-01-26 Republic Day");
		assertThat(changed.getBody().has("yearMissing")).isFalse();
		// announced, and in force in this instance within seconds: no restart
		ConsumerRecord<String, byte[]> announced = PublishedRecords.await(this.bootstrapServers,
				Topics.SETTINGS_CHANGED, (r) -> r.value() != null && PublishedRecords.text(r).contains("\"version\":2"),
				Duration.ofSeconds(20));
		assertThat(announced.key()).isEqualTo("calendar");
		assertThat(PublishedRecords.header(announced, "ce_type")).isEqualTo("org.dak.settings.changed");
		await().atMost(Duration.ofSeconds(10)).until(() -> this.settings.calendarVersion() == 2);
		assertThat(this.settings.workingDays().plusWorkingDays(friday, 2)).isEqualTo(LocalDate.of(2027, 1, 27));
		assertThat(this.deadlines.dueDate("POLICE", null, friday)).isEqualTo(LocalDate.of(2027, 4, 19));
		assertThat(this.meters.get("dak.calendar.holidays.missing.year").gauge().value()).isZero();
		JsonNode rules = admin.get().uri("/api/v1/deadlines").retrieve().body(JsonNode.class);
		assertThat(rules.get("holidays").toString()).contains("2027-01-26");
		// a restart starts from the change, not from the configuration files
		OfficeSettings restarted = new OfficeSettings(this.mongo, this.files);
		assertThat(restarted.calendarVersion()).isEqualTo(2);
		assertThat(restarted.calendar().holidayOn(LocalDate.of(2027, 1, 26))).isPresent();

		// a second administrator who read version 1 cannot overwrite it
		ResponseEntity<JsonNode> stale = Http.json(Http.local(this.port, TestTokens.token("admin.two", "ADMIN")),
				HttpMethod.PUT, "/api/v1/settings/calendar", change(1, "my own list", holidays(installed)));
		assertThat(stale.getStatusCode().value()).isEqualTo(409);
		assertThat(stale.getBody().get("type").asString()).endsWith("/settings-changed-meanwhile");
		assertThat(stale.getBody().get("currentVersion").asLong()).isEqualTo(2);

		JsonNode history = admin.get().uri("/api/v1/settings/calendar/history").retrieve().body(JsonNode.class);
		assertThat(history).hasSize(2);
		assertThat(history.get(0).get("version").asLong()).isEqualTo(2);
		assertThat(history.get(0).get("reason").asString()).contains("the state's notification");
		assertThat(history.get(0).get("before").get("holidays")).hasSize(12);
		assertThat(history.get(0).get("after").get("holidays")).hasSize(13);
		assertThat(history.get(1).has("before")).isFalse();
	}

	@Test
	@Order(2)
	void aNewHolidayMovesTheRulesDeadlinesOfUnfinishedItemsOnTheirTimelinesButNotTheDmsDates() {
		String byRule = ReceiptNumbers.format("NAL", 2026, 8101);
		String byDm = ReceiptNumbers.format("NAL", 2026, 8102);
		receivedAndMarked(byRule, null);
		receivedAndMarked(byDm, "2026-12-15");
		assertThat(item(byRule).get("dueDate").asString()).as("21 working days for SUPPLY").isEqualTo("2026-12-29");

		RestClient admin = Http.local(this.port, TestTokens.token("admin.one", "ADMIN"));
		JsonNode current = admin.get().uri("/api/v1/settings/calendar").retrieve().body(JsonNode.class);
		List<Map<String, Object>> holidays = holidays(current);
		holidays.add(
				Map.of("date", "2026-12-21", "nameHi", "स्थानीय अवकाश", "nameEn", "Local holiday", "kind", "GAZETTED"));
		assertThat(Http
			.json(admin, HttpMethod.PUT, "/api/v1/settings/calendar",
					change(current, "जिलाधिकारी का आदेश / the DM's order", holidays))
			.getStatusCode()
			.value()).isEqualTo(200);

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(item(byRule).get("dueDate").asString()).isEqualTo("2026-12-30"));
		JsonNode moved = item(byRule);
		assertThat(moved.get("timeline").toString()).contains("DEADLINE_MOVED")
			.contains("due date moved from 2026-12-29 to 2026-12-30")
			.contains("holiday added: 2026-12-21 Local holiday");
		assertThat(item(byDm).get("dueDate").asString()).as("the DM's own date stays").isEqualTo("2026-12-15");
		assertThat(item(byDm).get("timeline").toString()).doesNotContain("DEADLINE_MOVED");
	}

	@Test
	@Order(3)
	void aSecondInstanceOfTrackingAppliesAChangeWithinSecondsWithoutARestart() {
		try (ConfigurableApplicationContext second = new SpringApplicationBuilder(TrackingApplication.class)
			.run(sameSystem())) {
			OfficeSettings itsSettings = second.getBean(OfficeSettings.class);
			long version = this.settings.calendarVersion();
			await().atMost(Duration.ofSeconds(30)).until(() -> itsSettings.calendarVersion() == version);

			RestClient admin = Http.local(this.port, TestTokens.token("admin.one", "ADMIN"));
			JsonNode current = admin.get().uri("/api/v1/settings/calendar").retrieve().body(JsonNode.class);
			Map<String, Object> change = change(current.get("version").asLong(), "द्वितीय/चतुर्थ शनिवार / state order",
					holidays(current));
			change.put("workingWeek", Map.of("daysOff", List.of("SUNDAY"), "saturdaysOff", List.of(2, 4)));
			assertThat(Http.json(admin, HttpMethod.PUT, "/api/v1/settings/calendar", change).getStatusCode().value())
				.isEqualTo(200);

			// both instances: the second Saturday of January 2033 is off, the
			// first is worked
			await().atMost(Duration.ofSeconds(10))
				.until(() -> this.settings.calendarVersion() == version + 1
						&& itsSettings.calendarVersion() == version + 1);
			for (OfficeSettings instance : List.of(this.settings, itsSettings)) {
				assertThat(instance.workingDays().isWorkingDay(LocalDate.of(2033, 1, 1))).isTrue();
				assertThat(instance.workingDays().isWorkingDay(LocalDate.of(2033, 1, 8))).isFalse();
			}
			int secondPort = second.getEnvironment().getProperty("local.server.port", Integer.class);
			JsonNode itsCalendar = Http.local(secondPort, TestTokens.token("dm", "DM"))
				.get()
				.uri("/api/v1/settings/calendar")
				.retrieve()
				.body(JsonNode.class);
			assertThat(itsCalendar.get("version").asLong()).isEqualTo(version + 1);
			assertThat(itsCalendar.get("workingWeek").get("saturdaysOff").toString()).isEqualTo("[2,4]");
		}
	}

	/**
	 * What another instance of this service needs to join the same database and broker,
	 * as its command line (above the configuration files).
	 */
	private String[] sameSystem() {
		List<String> arguments = new ArrayList<>();
		for (String name : List.of("spring.mongodb.uri", "spring.mongodb.database", "spring.kafka.bootstrap-servers",
				"dak.security.jwt.public-key-location", "dak.seal.public-key-location", "dak.seal.private-key-location",
				"dak.kafka.partitions", "dak.outbox.poll-interval")) {
			arguments.add("--" + name + "=" + this.environment.getProperty(name));
		}
		arguments.add("--server.port=0");
		return arguments.toArray(String[]::new);
	}

	private JsonNode item(String id) {
		return Http.local(this.port, TestTokens.token("dm", "DM"))
			.get()
			.uri("/api/v1/cases/" + id)
			.retrieve()
			.body(JsonNode.class);
	}

	/**
	 * A SUPPLY item received on 28 November 2026, due by the rule or on the DM's date.
	 */
	private void receivedAndMarked(String id, String dmDueDate) {
		TrackedItems items = new TrackedItems(this.bootstrapServers, this.port);
		items.received(id, Instant.parse("2026-11-28T05:30:00Z"));
		items.marked(id, "SUPPLY", List.of(), (dmDueDate != null) ? LocalDate.parse(dmDueDate) : null,
				Instant.parse("2026-11-29T06:15:00Z"));
		items.awaitTimeline(id, 2);
	}

	@Test
	void aBadCalendarIsRefusedNamingTheFieldAndNothingChanges() {
		RestClient admin = Http.local(this.port, TestTokens.token("admin.one", "ADMIN"));
		JsonNode current = admin.get().uri("/api/v1/settings/calendar").retrieve().body(JsonNode.class);
		long version = current.get("version").asLong();

		List<Map<String, Object>> nameless = holidays(current);
		nameless.add(Map.of("date", "2031-01-26", "nameHi", " ", "nameEn", "Republic Day", "kind", "GAZETTED"));
		ResponseEntity<JsonNode> blank = Http.json(admin, HttpMethod.PUT, "/api/v1/settings/calendar",
				change(current, "test", nameless));
		assertThat(blank.getStatusCode().value()).isEqualTo(400);
		assertThat(blank.getBody().get("errors").toString()).contains("holidays[" + (nameless.size() - 1) + "].nameHi");

		List<Map<String, Object>> twice = holidays(current);
		twice.add(Map.of("date", "2031-01-26", "nameHi", "गणतंत्र दिवस", "nameEn", "Republic Day", "kind", "GAZETTED"));
		twice
			.add(Map.of("date", "2031-01-26", "nameHi", "वसंत पंचमी", "nameEn", "Vasant Panchami", "kind", "GAZETTED"));
		ResponseEntity<JsonNode> duplicate = Http.json(admin, HttpMethod.PUT, "/api/v1/settings/calendar",
				change(current, "test", twice));
		assertThat(duplicate.getStatusCode().value()).isEqualTo(422);
		assertThat(duplicate.getBody().get("errors").get(0).get("field").asString())
			.isEqualTo("holidays[" + (twice.size() - 1) + "].date");

		Map<String, Object> noWorkingDay = change(current, "test", holidays(current));
		noWorkingDay.put("workingWeek",
				Map.of("daysOff", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"),
						"saturdaysOff", List.of()));
		ResponseEntity<JsonNode> closed = Http.json(admin, HttpMethod.PUT, "/api/v1/settings/calendar", noWorkingDay);
		assertThat(closed.getStatusCode().value()).isEqualTo(400);
		assertThat(closed.getBody().get("errors").toString()).contains("workingWeek.daysOff");

		ResponseEntity<JsonNode> nothing = Http.json(admin, HttpMethod.PUT, "/api/v1/settings/calendar",
				change(current, "test", holidays(current)));
		assertThat(nothing.getStatusCode().value()).isEqualTo(422);

		assertThat(admin.get().uri("/api/v1/settings/calendar").retrieve().body(JsonNode.class).get("version").asLong())
			.isEqualTo(version);
	}

	@Test
	void theGazettesListReplacesItsYearAndAWrongRowImportsNothing() {
		RestClient admin = Http.local(this.port, TestTokens.token("admin.one", "ADMIN"));
		long version = admin.get()
			.uri("/api/v1/settings/calendar")
			.retrieve()
			.body(JsonNode.class)
			.get("version")
			.asLong();

		ResponseEntity<JsonNode> wrong = gazette(admin, version, """
				date,name_hi,name_en,kind
				26-01-2032,गणतंत्र दिवस,Republic Day,GAZETTED
				2032-02-30,होली,Holi,GAZETTED
				2032-03-22,बिहार दिवस,,RESTRICTED
				""");
		assertThat(wrong.getStatusCode().value()).isEqualTo(422);
		assertThat(wrong.getBody().get("errors").toString()).contains("\"line\":3").contains("\"line\":4");
		assertThat(wrong.getBody().get("detail").asString()).contains("Nothing was imported");

		ResponseEntity<JsonNode> imported = gazette(admin, version, """
				date,name_hi,name_en,kind
				26-01-2032,गणतंत्र दिवस,Republic Day,राजपत्रित
				"15.08.2032","स्वतंत्रता दिवस","Independence Day",GAZETTED
				2032-03-22,बिहार दिवस,Bihar Day,RESTRICTED
				""");
		assertThat(imported.getStatusCode().value()).isEqualTo(200);
		assertThat(imported.getBody().get("version").asLong()).isEqualTo(version + 1);
		assertThat(imported.getBody().get("summary").asString()).contains("2032-01-26 Republic Day")
			.contains("2032-03-22 Bihar Day (restricted)");
		await().atMost(Duration.ofSeconds(10)).until(() -> this.settings.calendarVersion() == version + 1);
		// restricted: the office is open on Bihar Day
		assertThat(this.settings.workingDays().isWorkingDay(LocalDate.of(2032, 3, 22))).isTrue();
		assertThat(this.settings.workingDays().isWorkingDay(LocalDate.of(2032, 1, 26))).isFalse();

		// the same year again: its list is replaced, not added to
		ResponseEntity<JsonNode> again = gazette(admin, version + 1, """
				date,name_hi,name_en
				2032-01-26,गणतंत्र दिवस,Republic Day
				""");
		assertThat(again.getStatusCode().value()).isEqualTo(200);
		assertThat(again.getBody().get("holidays").toString()).contains("2032-01-26")
			.doesNotContain("2032-08-15")
			.doesNotContain("2032-03-22");
	}

	@Test
	void onlyTheAdministratorChangesTheCalendar() {
		Map<String, Object> change = change(1, "test", List.of());
		assertThat(Http
			.json(Http.local(this.port, TestTokens.token("dm", "DM")), HttpMethod.PUT, "/api/v1/settings/calendar",
					change)
			.getStatusCode()
			.value()).isEqualTo(403);
		assertThat(Http.json(Http.local(this.port), HttpMethod.PUT, "/api/v1/settings/calendar", change)
			.getStatusCode()
			.value()).isEqualTo(401);
		assertThat(Http.local(this.port, TestTokens.token("dm", "DM"))
			.get()
			.uri("/api/v1/settings/calendar/history")
			.retrieve()
			.toBodilessEntity()
			.getStatusCode()
			.value()).isEqualTo(403);
	}

	private static ResponseEntity<JsonNode> gazette(RestClient admin, long version, String csv) {
		MultiValueMap<String, HttpEntity<?>> form = new LinkedMultiValueMap<>();
		form.add("version", new HttpEntity<>(String.valueOf(version)));
		form.add("reason", new HttpEntity<>("राजपत्र / gazette"));
		form.add("file", Http.filePart("file", "holidays.csv", new MediaType("text", "csv"),
				csv.getBytes(StandardCharsets.UTF_8)));
		return admin.post()
			.uri("/api/v1/settings/calendar/gazette")
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(form)
			.retrieve()
			.toEntity(JsonNode.class);
	}

	/** A change of the calendar {@code current}: its working week, these holidays. */
	private static Map<String, Object> change(JsonNode current, String reason, List<Map<String, Object>> holidays) {
		Map<String, Object> change = change(current.get("version").asLong(), reason, holidays);
		List<String> daysOff = new ArrayList<>();
		current.get("workingWeek").get("daysOff").forEach((day) -> daysOff.add(day.asString()));
		List<Integer> saturdaysOff = new ArrayList<>();
		current.get("workingWeek").get("saturdaysOff").forEach((nth) -> saturdaysOff.add(nth.asInt()));
		change.put("workingWeek", Map.of("daysOff", daysOff, "saturdaysOff", saturdaysOff));
		return change;
	}

	private static Map<String, Object> change(long version, String reason, List<Map<String, Object>> holidays) {
		Map<String, Object> change = new java.util.LinkedHashMap<>();
		change.put("version", version);
		change.put("reason", reason);
		change.put("workingWeek", Map.of("daysOff", List.of("SATURDAY", "SUNDAY"), "saturdaysOff", List.of()));
		change.put("holidays", holidays);
		return change;
	}

	private static List<Map<String, Object>> holidays(JsonNode calendar) {
		List<Map<String, Object>> holidays = new ArrayList<>();
		for (JsonNode holiday : calendar.get("holidays")) {
			holidays.add(Map.of("date", holiday.get("date").asString(), "nameHi", holiday.get("nameHi").asString(),
					"nameEn", holiday.get("nameEn").asString(), "kind", holiday.get("kind").asString()));
		}
		return holidays;
	}

}
