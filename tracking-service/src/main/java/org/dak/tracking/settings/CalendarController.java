package org.dak.tracking.settings;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import io.swagger.v3.oas.annotations.media.Schema;

import org.dak.contracts.Holiday;
import org.dak.contracts.WorkingCalendar;
import org.dak.contracts.WorkingWeek;
import org.dak.platform.Refusal;
import org.dak.support.security.DakUser;

import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The office's working calendar at the admin desk: read it, change it (with the version
 * read, so two administrators cannot overwrite each other), import the gazette's list,
 * and read every version with what it was before.
 */
@RestController
@Validated
@RequestMapping("/api/v1/settings/calendar")
class CalendarController {

	private static final long MAX_GAZETTE_BYTES = 1024 * 1024;

	private final OfficeCalendar calendar;

	CalendarController(OfficeCalendar calendar) {
		this.calendar = calendar;
	}

	/**
	 * The calendar in force.
	 *
	 * @param version its version: send it back with a change
	 * @param changedBy who made it ({@code installation}: the configuration files')
	 * @param changedAt when
	 * @param reason why
	 * @param summary what changed
	 * @param workingWeek the days off every week or month
	 * @param holidays the public holidays, in date order
	 * @param yearMissing a year whose holidays should be listed by now and are not (from
	 * 1 December, the coming year), else absent
	 */
	record CalendarView(long version, String changedBy, Instant changedAt, String reason, String summary,
			WorkingWeek workingWeek, List<Holiday> holidays, Integer yearMissing) {
	}

	/**
	 * A new calendar: the whole of it, as it should be from now on.
	 *
	 * @param version the version it was made from (as read)
	 * @param reason why (on the history and the audit trail)
	 * @param workingWeek the days off
	 * @param holidays every holiday of every year
	 */
	record ChangeCalendar(@Schema(example = "4") @NotNull @PositiveOrZero Long version,
			@Schema(example = "सामान्य प्रशासन विभाग अधिसूचना 2/2027 / GAD notification 2/2027") @NotBlank @Size(
					max = 500) String reason,
			@NotNull @Valid WorkingWeekInput workingWeek,
			@NotNull @Size(max = 2000) List<@NotNull @Valid HolidayInput> holidays) {
	}

	/**
	 * The days the office is closed.
	 *
	 * @param daysOff closed every week, e.g. {@code ["SUNDAY"]}
	 * @param saturdaysOff which Saturdays of a month are closed, e.g. {@code [2, 4]}
	 */
	record WorkingWeekInput(@Schema(example = "[\"SUNDAY\"]") @NotNull @Size(max = 6) List<@NotNull DayOfWeek> daysOff,
			@Schema(example = "[2, 4]") @NotNull @Size(max = 5) List<@NotNull @Min(1) @Max(5) Integer> saturdaysOff) {
	}

	/**
	 * A public holiday.
	 *
	 * @param date the day
	 * @param nameHi its name in Hindi
	 * @param nameEn its name in English
	 * @param kind {@code GAZETTED} (closed) or {@code RESTRICTED} (open)
	 */
	record HolidayInput(@Schema(example = "2027-01-26") @NotNull LocalDate date,
			@Schema(example = "गणतंत्र दिवस") @NotBlank @Size(max = 200) String nameHi,
			@Schema(example = "Republic Day") @NotBlank @Size(max = 200) String nameEn,
			@Schema(example = "GAZETTED") @NotNull @Pattern(regexp = "GAZETTED|RESTRICTED") String kind) {
	}

	/**
	 * One version and the one it replaced.
	 *
	 * @param version its version
	 * @param changedBy who
	 * @param changedAt when
	 * @param reason why
	 * @param summary what changed, in a line
	 * @param requestId the request that made it (as on the audit trail)
	 * @param before the calendar before (absent for version 1)
	 * @param after the calendar it put in force
	 */
	record CalendarVersionView(long version, String changedBy, Instant changedAt, String reason, String summary,
			String requestId, WorkingCalendar before, WorkingCalendar after) {
	}

	@GetMapping
	CalendarView inForce() {
		return view(this.calendar.current());
	}

	@PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	CalendarView change(@Valid @RequestBody ChangeCalendar change) {
		WorkingCalendar next = new WorkingCalendar(
				new WorkingWeek(change.workingWeek().daysOff(), change.workingWeek().saturdaysOff()),
				change.holidays()
					.stream()
					.map((holiday) -> new Holiday(holiday.date(), holiday.nameHi().strip(), holiday.nameEn().strip(),
							holiday.kind()))
					.toList());
		return view(this.calendar.change(change.version(), next, change.reason().strip(), actor()));
	}

	/**
	 * The state gazette's list as CSV (part {@code file}): it replaces the holidays of
	 * the years it lists.
	 */
	@PostMapping(path = "/gazette", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	CalendarView importGazette(@RequestParam @PositiveOrZero long version,
			@RequestParam @NotBlank @Size(max = 500) String reason, @RequestPart("file") MultipartFile file)
			throws IOException {
		if (file.getSize() > MAX_GAZETTE_BYTES) {
			throw Refusal.tooLarge("gazette-too-large", "The file is too large",
					"A holiday list of at most 1 MB is taken; this one has " + file.getSize() + " bytes.");
		}
		return view(this.calendar.importGazette(version, utf8(file.getBytes()), reason.strip(), actor()));
	}

	/** The versions, newest first, each with what it replaced. */
	@GetMapping("/history")
	List<CalendarVersionView> history(@RequestParam(defaultValue = "0") @PositiveOrZero int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		List<SettingsVersion> versions = this.calendar.history(page, size);
		List<CalendarVersionView> views = new ArrayList<>();
		for (int i = 0; i < versions.size(); i++) {
			SettingsVersion version = versions.get(i);
			WorkingCalendar before = (i + 1 < versions.size()) ? versions.get(i + 1).calendar()
					: this.calendar.version(version.version() - 1).map(SettingsVersion::calendar).orElse(null);
			views.add(new CalendarVersionView(version.version(), version.changedBy(), version.changedAt(),
					version.reason(), version.summary(), version.requestId(), before, version.calendar()));
		}
		return views;
	}

	private CalendarView view(SettingsVersion version) {
		return new CalendarView(version.version(), version.changedBy(), version.changedAt(), version.reason(),
				version.summary(), version.calendar().workingWeek(), version.calendar().holidays(),
				this.calendar.yearMissing(version.calendar()).orElse(null));
	}

	private static String actor() {
		return DakUser.current().map(DakUser::username).orElse("unknown");
	}

	private static String utf8(byte[] bytes) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw Refusal.invalid("invalid-gazette", "The holiday list cannot be imported",
					"The file is not UTF-8 text: save it from the spreadsheet as \"CSV UTF-8\". Nothing was imported.");
		}
	}

}
