package org.dak.tracking.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.dak.platform.Problem;
import org.dak.tracking.dashboard.PendingGauges;
import org.dak.tracking.timeline.DeadlineWatcher;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Moves tracking's clock forward on a demonstration system
 * ({@code DAK_ADJUSTABLE_CLOCK=true}), then runs a deadline round at once (reminders,
 * breaches, pending gauges, closing unanswered disposals). Everywhere else it answers
 * 404.
 */
@RestController
@RequestMapping("/api/v1/demo/clock")
class ClockController {

	private final Clock clock;

	private final DeadlineWatcher watcher;

	private final PendingGauges gauges;

	ClockController(Clock clock, DeadlineWatcher watcher, PendingGauges gauges) {
		this.clock = clock;
		this.watcher = watcher;
		this.gauges = gauges;
	}

	private AdjustableClock adjustable() {
		if (this.clock instanceof AdjustableClock adjustable) {
			return adjustable;
		}
		throw new Problem(HttpStatus.NOT_FOUND, "not-available", "Not available",
				"The clock can be moved on demonstration systems only (DAK_ADJUSTABLE_CLOCK=true).");
	}

	/**
	 * The clock's reading.
	 *
	 * @param now tracking's time
	 * @param offsetDays how far ahead of real time, in days
	 * @param announced reminders and breaches the round just announced
	 */
	record Reading(Instant now, long offsetDays, int announced) {
	}

	/**
	 * How far to move.
	 *
	 * @param days calendar days forward
	 */
	record Advance(@Min(1) @Max(3650) int days) {
	}

	@GetMapping
	Reading read() {
		AdjustableClock adjustable = adjustable();
		return new Reading(adjustable.instant(), adjustable.offset().toDays(), 0);
	}

	@PostMapping
	Reading advance(@Valid @RequestBody Advance advance) {
		AdjustableClock adjustable = adjustable();
		adjustable.advance(Duration.ofDays(advance.days()));
		int announced = this.watcher.watch();
		this.gauges.refresh();
		return new Reading(adjustable.instant(), adjustable.offset().toDays(), announced);
	}

}
