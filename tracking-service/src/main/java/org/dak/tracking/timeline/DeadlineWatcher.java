package org.dak.tracking.timeline;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * On a schedule: checks the deadlines, and closes disposed items left without feedback.
 * Several instances may run: a case's events are stored with it under optimistic locking,
 * so each is announced once.
 */
@Component
public class DeadlineWatcher {

	private static final Logger log = LoggerFactory.getLogger(DeadlineWatcher.class);

	private final Cases cases;

	private final Duration autoCloseAfter;

	DeadlineWatcher(Cases cases, @Value("${dak.tracking.feedback.auto-close-after:30d}") Duration autoCloseAfter) {
		this.cases = cases;
		this.autoCloseAfter = autoCloseAfter;
	}

	@Scheduled(fixedDelayString = "${dak.tracking.deadlines.check-interval:1m}", initialDelayString = "10s")
	void onSchedule() {
		watch();
	}

	/**
	 * One round (on the schedule, or at once when a demonstration clock moved).
	 * @return how many reminders and breaches it announced
	 */
	public synchronized int watch() {
		try {
			int announced = this.cases.checkDeadlines();
			if (announced > 0) {
				log.info("Deadlines: {} reminders or breaches announced", announced);
			}
			int closed = this.cases.closeUnanswered(this.autoCloseAfter);
			if (closed > 0) {
				log.info("{} disposed items closed without feedback", closed);
			}
			return announced;
		}
		catch (RuntimeException ex) {
			log.warn("Deadline round failed this time: {}", ex.toString());
			return 0;
		}
	}

}
