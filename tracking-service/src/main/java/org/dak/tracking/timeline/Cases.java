package org.dak.tracking.timeline;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import io.micrometer.core.instrument.MeterRegistry;
import org.dak.contracts.ComplaintReceived;
import org.dak.contracts.ComplaintRouted;
import org.dak.contracts.DeadlineBreached;
import org.dak.contracts.StatusUpdated;
import org.dak.support.security.DakUser;
import org.dak.tracking.deadline.DeadlinePolicy;
import org.dak.platform.Roles;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

/**
 * Keeps each item's case: applies the events that arrive, in whatever order and however
 * often, and the status changes departments post.
 */
@Service
public class Cases {

	private static final int ATTEMPTS = 5;

	private final CaseRepository cases;

	private final MeterRegistry meters;

	private final DeadlinePolicy deadlines;

	private final Clock clock;

	Cases(CaseRepository cases, MeterRegistry meters, DeadlinePolicy deadlines, Clock clock) {
		this.cases = cases;
		this.meters = meters;
		this.deadlines = deadlines;
		this.clock = clock;
	}

	void apply(ComplaintReceived event) {
		update(event.complaintId(), (complaintCase) -> complaintCase.apply(event));
	}

	void apply(ComplaintRouted event) {
		update(event.complaintId(), (complaintCase) -> {
			Instant received = (complaintCase.receivedAt() != null) ? complaintCase.receivedAt() : event.occurredAt();
			complaintCase.apply(event, this.deadlines.dueDate(event.departmentCode(),
					received.atZone(ComplaintCase.OFFICE_TIME).toLocalDate()));
		});
	}

	StatusUpdated changeStatus(String complaintId, CaseStatus next, DakUser officer, String note) {
		ComplaintCase complaintCase = visibleTo(complaintId, officer)
			.orElseThrow(() -> CaseController.notFound(complaintId));
		StatusUpdated event = complaintCase.changeStatus(next, officer.department(), note, officer.username(),
				this.clock.instant().truncatedTo(ChronoUnit.MILLIS));
		this.cases.save(complaintCase);
		this.meters.counter("dak.status.updates", "status", next.name()).increment();
		return event;
	}

	/**
	 * The case, if the caller may see it: the DM sees every case, an officer only those
	 * currently marked to their department. For anyone else it does not exist, so
	 * guessing IDs tells nothing.
	 */
	public Optional<ComplaintCase> visibleTo(String complaintId, DakUser user) {
		return find(complaintId).filter((c) -> user.has(Roles.DM) || (user.has(Roles.DEPARTMENT_OFFICER)
				&& user.department() != null && user.department().equals(c.departmentCode())));
	}

	public Optional<ComplaintCase> find(String complaintId) {
		return this.cases.findById(complaintId);
	}

	Page<ComplaintCase> queue(String departmentCode, CaseStatus status, Pageable pageable) {
		return (status != null) ? this.cases.findByDepartmentCodeAndStatus(departmentCode, status, pageable)
				: this.cases.findByDepartmentCode(departmentCode, pageable);
	}

	/**
	 * Checks the deadlines of every open case, announcing reminders and breaches.
	 * @return how many events were announced
	 */
	public int checkDeadlines() {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		int announced = 0;
		for (ComplaintCase open : this.cases.findByBreachedAtIsNullAndDueDateIsNotNull()) {
			List<Record> events = open.checkDeadline(this.deadlines, now);
			if (events.isEmpty()) {
				continue;
			}
			try {
				this.cases.save(open);
			}
			catch (OptimisticLockingFailureException ex) {
				// changed meanwhile: the next check sees the new state
				continue;
			}
			for (Record event : events) {
				if (event instanceof DeadlineBreached) {
					this.meters.counter("dak.deadline.breached", "department", String.valueOf(open.departmentCode()))
						.increment();
				}
				else {
					this.meters.counter("dak.deadline.reminders", "department", String.valueOf(open.departmentCode()))
						.increment();
				}
			}
			announced += events.size();
		}
		return announced;
	}

	/** The applicant's feedback on an item they opened with its code. */
	public StatusUpdated feedback(ComplaintCase complaintCase, boolean satisfied, String reason) {
		StatusUpdated event = complaintCase.feedback(satisfied, reason,
				this.clock.instant().truncatedTo(ChronoUnit.MILLIS));
		this.cases.save(complaintCase);
		this.meters.counter("dak.status.updates", "status", event.status()).increment();
		return event;
	}

	/**
	 * Closes disposed items that had no feedback for the given time.
	 * @return how many were closed
	 */
	public int closeUnanswered(java.time.Duration after) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		int closed = 0;
		for (ComplaintCase disposed : this.cases.findByStatusIn(List.of(CaseStatus.DISPOSED))) {
			if (disposed.closeIfUnanswered(after, now).isPresent()) {
				try {
					this.cases.save(disposed);
					this.meters.counter("dak.status.updates", "status", CaseStatus.CLOSED.name()).increment();
					closed++;
				}
				catch (OptimisticLockingFailureException ex) {
					// answered meanwhile: the next round sees it
				}
			}
		}
		return closed;
	}

	/** Every case, for dashboards. */
	public List<ComplaintCase> all() {
		return this.cases.findAll();
	}

	/** Every case that is not settled, for pendency. */
	public List<ComplaintCase> open() {
		return this.cases.findByStatusIn(List.of(CaseStatus.RECEIVED, CaseStatus.MARKED, CaseStatus.IN_PROGRESS,
				CaseStatus.RETURNED, CaseStatus.REOPENED));
	}

	/** Reads, changes and saves one case, again if another writer got there first. */
	private void update(String complaintId, Consumer<ComplaintCase> change) {
		for (int attempt = 1;; attempt++) {
			ComplaintCase complaintCase = this.cases.findById(complaintId)
				.orElseGet(() -> new ComplaintCase(complaintId));
			change.accept(complaintCase);
			try {
				this.cases.save(complaintCase);
				return;
			}
			catch (OptimisticLockingFailureException | DuplicateKeyException ex) {
				if (attempt == ATTEMPTS) {
					throw ex;
				}
			}
		}
	}

}
