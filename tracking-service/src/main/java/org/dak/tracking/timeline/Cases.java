package org.dak.tracking.timeline;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Consumer;

import io.micrometer.core.instrument.MeterRegistry;
import org.dak.contracts.ComplaintReceived;
import org.dak.contracts.ComplaintRouted;
import org.dak.contracts.StatusUpdated;

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

	StatusUpdated changeStatus(String complaintId, CaseStatus next, String actingDepartment, String note) {
		ComplaintCase complaintCase = find(complaintId).orElseThrow(() -> CaseController.notFound(complaintId));
		StatusUpdated event = complaintCase.changeStatus(next, actingDepartment, note, actingDepartment,
				Instant.now().truncatedTo(ChronoUnit.MILLIS));
		this.cases.save(complaintCase);
		this.meters.counter("dak.status.updates", "status", next.name()).increment();
		return event;
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
