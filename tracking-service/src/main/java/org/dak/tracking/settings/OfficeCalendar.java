package org.dak.tracking.settings;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.dak.contracts.Holiday;
import org.dak.contracts.OfficeTime;
import org.dak.contracts.SettingsChanged;
import org.dak.contracts.WorkingCalendar;
import org.dak.platform.Refusal;
import org.dak.support.events.OutboxEvent;
import org.dak.support.settings.CalendarProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * The office's working calendar, owned here: read the version in force, change it with
 * the version the administrator saw, import the state gazette's list. Every change is a
 * new version stored with its announcement in one write.
 */
@Service
public class OfficeCalendar {

	private static final Logger log = LoggerFactory.getLogger(OfficeCalendar.class);

	static final String INSTALLATION = "installation";

	private final MongoTemplate mongo;

	private final CalendarProperties files;

	private final Clock clock;

	OfficeCalendar(MongoTemplate mongo, CalendarProperties files, Clock clock) {
		this.mongo = mongo;
		this.files = files;
		this.clock = clock;
	}

	/**
	 * The version in force; on a new installation, the configuration files' calendar,
	 * installed (and announced) as version 1.
	 */
	SettingsVersion current() {
		return latest().orElseGet(this::install);
	}

	private Optional<SettingsVersion> latest() {
		return Optional
			.ofNullable(this.mongo.findOne(Query.query(Criteria.where("section").is(SettingsChanged.CALENDAR))
				.with(Sort.by(Sort.Direction.DESC, "version"))
				.limit(1), SettingsVersion.class));
	}

	private SettingsVersion install() {
		try {
			SettingsVersion installed = store(1, this.files.calendar(), INSTALLATION,
					"installed from the configuration (dak.calendar)", "calendar installed", this.clock.instant());
			log.info("Calendar installed from the configuration as version 1: {} holidays",
					installed.calendar().holidays().size());
			return installed;
		}
		catch (DuplicateKeyException ex) {
			// another instance installed it first
			return latest().orElseThrow(() -> ex);
		}
	}

	/**
	 * On a new installation, installs and announces the configuration files' calendar at
	 * start-up, so every service counts with version 1 from the start.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void installIfNew() {
		try {
			current();
		}
		catch (DataAccessException ex) {
			log.warn("The calendar could not be read at start-up ({}); it is installed when first asked for",
					ex.getMessage());
		}
	}

	/**
	 * Puts {@code next} in force, if the calendar in force is still {@code seenVersion}.
	 * @param seenVersion the version the administrator changed
	 * @param next the whole calendar from now on
	 * @param reason why
	 * @param actor who
	 * @return the new version
	 * @throws Refusal a newer version is in force (conflict), or the calendar breaks a
	 * rule (invalid, naming the field)
	 */
	SettingsVersion change(long seenVersion, WorkingCalendar next, String reason, String actor) {
		SettingsVersion current = current();
		if (current.version() != seenVersion) {
			throw changedMeanwhile(current);
		}
		CalendarRules.check(next);
		String summary = CalendarRules.summary(current.calendar(), next);
		if (summary.isEmpty()) {
			throw Refusal.invalid("nothing-changed", "Nothing changed",
					"The calendar sent is the one in force (version " + current.version() + "); nothing was changed.");
		}
		try {
			return store(seenVersion + 1, next, actor, reason, summary, this.clock.instant());
		}
		catch (DuplicateKeyException ex) {
			throw changedMeanwhile(current());
		}
	}

	/**
	 * Imports the state gazette's list: the holidays of each year the file lists replace
	 * that year's holidays; other years stay as they are. Nothing is changed if any row
	 * is wrong.
	 */
	SettingsVersion importGazette(long seenVersion, String csv, String reason, String actor) {
		List<Holiday> imported = GazetteCsv.read(csv);
		SettingsVersion current = current();
		if (current.version() != seenVersion) {
			throw changedMeanwhile(current);
		}
		var years = imported.stream().map((holiday) -> holiday.date().getYear()).collect(Collectors.toSet());
		List<Holiday> holidays = new ArrayList<>(current.calendar()
			.holidays()
			.stream()
			.filter((holiday) -> !years.contains(holiday.date().getYear()))
			.toList());
		holidays.addAll(imported);
		return change(seenVersion, new WorkingCalendar(current.calendar().workingWeek(), holidays), reason, actor);
	}

	/** The versions, newest first. */
	List<SettingsVersion> history(int page, int size) {
		return this.mongo.find(Query.query(Criteria.where("section").is(SettingsChanged.CALENDAR))
			.with(Sort.by(Sort.Direction.DESC, "version"))
			.skip((long) page * size)
			.limit(size), SettingsVersion.class);
	}

	/** The calendar a version replaced; none for the first. */
	public Optional<WorkingCalendar> replacedBy(long version) {
		return version(version - 1).map(SettingsVersion::calendar);
	}

	/** One version, if it exists. */
	Optional<SettingsVersion> version(long version) {
		return Optional.ofNullable(
				this.mongo.findById(SettingsVersion.idOf(SettingsChanged.CALENDAR, version), SettingsVersion.class));
	}

	/**
	 * The year whose holidays should be listed by now in {@code calendar} and are not:
	 * the year itself if its list is missing; from 1 December, the coming year.
	 */
	Optional<Integer> yearMissing(WorkingCalendar calendar) {
		LocalDate today = OfficeTime.today(this.clock);
		if (!calendar.hasHolidaysOf(today.getYear())) {
			return Optional.of(today.getYear());
		}
		if (today.getMonthValue() == 12 && !calendar.hasHolidaysOf(today.getYear() + 1)) {
			return Optional.of(today.getYear() + 1);
		}
		return Optional.empty();
	}

	private SettingsVersion store(long version, WorkingCalendar calendar, String actor, String reason, String summary,
			Instant at) {
		SettingsChanged event = new SettingsChanged(OutboxEvent.newEventId(), SettingsChanged.CALENDAR, at, version,
				actor, reason, summary, calendar);
		SettingsVersion stored = new SettingsVersion(SettingsVersion.idOf(SettingsChanged.CALENDAR, version),
				SettingsChanged.CALENDAR, version, calendar, actor, at, reason, summary, MDC.get("requestId"),
				List.of(OutboxEvent.pending(event, SettingsChanged.CALENDAR, event.eventId(), at)));
		return this.mongo.insert(stored);
	}

	private static Refusal changedMeanwhile(SettingsVersion current) {
		return Refusal
			.conflict("settings-changed-meanwhile", "Changed meanwhile",
					"The calendar was changed meanwhile (now version " + current.version() + ", by "
							+ current.changedBy() + "): reload it, then make your change again.")
			.with("currentVersion", current.version());
	}

}
