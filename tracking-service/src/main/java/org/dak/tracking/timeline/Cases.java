package org.dak.tracking.timeline;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Consumer;

import io.micrometer.core.instrument.MeterRegistry;
import org.dak.contracts.ComplaintReceived;
import org.dak.contracts.ComplaintRouted;
import org.dak.contracts.StatusUpdated;
import org.dak.support.security.DakUser;
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

	Cases(CaseRepository cases, MeterRegistry meters) {
		this.cases = cases;
		this.meters = meters;
	}

	void apply(ComplaintReceived event) {
		update(event.complaintId(), (complaintCase) -> complaintCase.apply(event));
	}

	void apply(ComplaintRouted event) {
		update(event.complaintId(), (complaintCase) -> complaintCase.apply(event));
	}

	StatusUpdated changeStatus(String complaintId, CaseStatus next, DakUser officer, String note) {
		ComplaintCase complaintCase = visibleTo(complaintId, officer)
			.orElseThrow(() -> CaseController.notFound(complaintId));
		StatusUpdated event = complaintCase.changeStatus(next, officer.department(), note, officer.username(),
				Instant.now().truncatedTo(ChronoUnit.MILLIS));
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
