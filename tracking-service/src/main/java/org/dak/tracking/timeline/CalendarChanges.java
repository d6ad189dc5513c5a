package org.dak.tracking.timeline;

import org.dak.contracts.SettingsChanged;
import org.dak.contracts.Topics;
import org.dak.contracts.WorkingCalendar;
import org.dak.support.events.ProcessedEvents;
import org.dak.tracking.settings.OfficeCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * A change of the office's calendar moves the deadlines it affects, once for the service
 * (in a consumer group of its own, unlike the instances' own reading of the settings):
 * each unfinished item whose due date came from its department's rule gets what the rule
 * gives under the new calendar, noted on its timeline.
 */
@Component
class CalendarChanges {

	private static final Logger log = LoggerFactory.getLogger(CalendarChanges.class);

	private final Cases cases;

	private final OfficeCalendar calendar;

	private final ProcessedEvents processed;

	CalendarChanges(Cases cases, OfficeCalendar calendar, ProcessedEvents processed) {
		this.cases = cases;
		this.calendar = calendar;
		this.processed = processed;
	}

	// a group of its own: moving many deadlines takes a while, and must not hold up a
	// rebalance of the group that takes the items' events
	@KafkaListener(topics = Topics.SETTINGS_CHANGED, groupId = "${spring.application.name}-calendar", concurrency = "1")
	void on(SettingsChanged event) {
		if (!SettingsChanged.CALENDAR.equals(event.section()) || event.calendar() == null) {
			return;
		}
		WorkingCalendar before = this.calendar.replacedBy(event.version()).orElse(null);
		if (before == null) {
			return;
		}
		this.processed.once(event.eventId(), Topics.SETTINGS_CHANGED, () -> {
			int moved = this.cases.redate(event, before.workingDays(), event.calendar().workingDays());
			log.info("Calendar version {} ({}): {} due dates moved", event.version(), event.summary(), moved);
		});
	}

}
