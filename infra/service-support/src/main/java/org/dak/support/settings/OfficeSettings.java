package org.dak.support.settings;

import org.dak.contracts.SettingsChanged;
import org.dak.contracts.WorkingCalendar;
import org.dak.contracts.WorkingDays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The office's settings in force in this instance: the newest version of each section it
 * has seen announced, else the one its database kept from before the last restart, else
 * the configuration files' (a new installation).
 */
public class OfficeSettings {

	private static final Logger log = LoggerFactory.getLogger(OfficeSettings.class);

	static final String COLLECTION = "settings_in_force";

	private final MongoTemplate mongo;

	private volatile Section calendar;

	/**
	 * A section as in force here.
	 *
	 * @param version its version, 0 for the configuration files' values
	 * @param calendar the working calendar
	 * @param workingDays the working days it gives
	 */
	private record Section(long version, WorkingCalendar calendar, WorkingDays workingDays) {

		Section(long version, WorkingCalendar calendar) {
			this(version, calendar, calendar.workingDays());
		}

	}

	/**
	 * What this service keeps of a section: the announcement it last applied.
	 *
	 * @param section the section
	 * @param version its version
	 * @param event the announcement
	 */
	@org.springframework.data.mongodb.core.mapping.Document(COLLECTION)
	record InForce(@Id String section, long version, SettingsChanged event) {
	}

	/**
	 * Starts from what this service's database kept of the last change, else from the
	 * configuration files.
	 */
	public OfficeSettings(MongoTemplate mongo, CalendarProperties files) {
		this.mongo = mongo;
		this.calendar = new Section(0, files.calendar());
		try {
			InForce kept = mongo.findById(SettingsChanged.CALENDAR, InForce.class);
			if (kept != null && kept.event().calendar() != null) {
				this.calendar = new Section(kept.version(), kept.event().calendar());
			}
		}
		catch (DataAccessException ex) {
			// the database is away at start-up: the files' values until the topic is read
			log.warn("The settings in force could not be read ({}); the configured calendar counts until the "
					+ "settings-changed topic is read", ex.getMessage());
		}
	}

	/** The working calendar in force. */
	public WorkingCalendar calendar() {
		return this.calendar.calendar();
	}

	/** The working days of the calendar in force, to count with. */
	public WorkingDays workingDays() {
		return this.calendar.workingDays();
	}

	/** The version of the calendar in force: 0 for the configuration files' values. */
	public long calendarVersion() {
		return this.calendar.version();
	}

	/**
	 * Applies an announced change if it is newer than what is in force, and keeps it in
	 * this service's database. An older or repeated one changes nothing.
	 * @return whether it was applied
	 */
	boolean apply(SettingsChanged event) {
		if (!SettingsChanged.CALENDAR.equals(event.section()) || event.calendar() == null
				|| event.version() <= this.calendar.version()) {
			return false;
		}
		keep(event);
		this.calendar = new Section(event.version(), event.calendar());
		log.info("Calendar version {} in force ({})", event.version(), event.summary());
		return true;
	}

	/** Stores the newest version; another instance of this service may store it too. */
	private void keep(SettingsChanged event) {
		try {
			this.mongo.upsert(Query.query(Criteria.where("_id").is(event.section()).and("version").lt(event.version())),
					new Update().set("version", event.version()).set("event", event), InForce.class);
		}
		catch (DuplicateKeyException ex) {
			// a newer or the same version is kept already
		}
	}

}
