package org.dak.tracking.deadline;

import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Checks the deadlines on a schedule, and closes disposed items left without feedback.
 * Several instances may run: a case's events are stored with it under optimistic locking,
 * so each is announced once.
 */
@Component
class DeadlineWatcher {

	private static final Logger log = LoggerFactory.getLogger(DeadlineWatcher.class);

	private final Supplier<Integer> check;

	private final Supplier<Integer> close;

	DeadlineWatcher(org.dak.tracking.timeline.Cases cases,
			@org.springframework.beans.factory.annotation.Value("${dak.tracking.feedback.auto-close-after:30d}") java.time.Duration autoCloseAfter) {
		this.check = cases::checkDeadlines;
		this.close = () -> cases.closeUnanswered(autoCloseAfter);
	}

	@Scheduled(fixedDelayString = "${dak.tracking.deadlines.check-interval:1m}", initialDelayString = "10s")
	void watch() {
		try {
			int announced = this.check.get();
			if (announced > 0) {
				log.info("Deadlines: {} reminders or breaches announced", announced);
			}
			int closed = this.close.get();
			if (closed > 0) {
				log.info("{} disposed items closed without feedback", closed);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Deadline check failed this time: {}", ex.toString());
		}
	}

}
