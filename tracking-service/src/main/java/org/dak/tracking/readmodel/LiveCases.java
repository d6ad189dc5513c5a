package org.dak.tracking.readmodel;

import org.dak.tracking.complaintcase.ComplaintCase;
import org.dak.tracking.complaintcase.CaseFacts;
import org.dak.contracts.ItemStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The working set of cases at a department that are not finished (marked, or copied, and
 * in every status but closed and rejected), each as a small summary: what the deadline
 * round, the auto-close, the overdue figures and the departments' queues look at, so that
 * none of them reads the archive of finished items. Items still waiting for the DM's
 * marking have no department and no deadline yet: they are counted by {@link OpenItems}.
 * <p>
 * A case's summary is written after every save of the case; a case that finishes leaves
 * the set. What a crash between the two writes could leave stale is put right when the
 * round reads the case itself (it always does before it changes one), and the whole set
 * is rebuilt from the cases at start-up ({@link CaseReadModel}).
 */
@Component
public class LiveCases implements CaseReadModel {

	static final String COLLECTION = "live_cases";

	public static final List<ItemStatus> FINISHED = List.of(ItemStatus.CLOSED, ItemStatus.REJECTED);

	private final MongoTemplate mongo;

	private final List<LiveCase> rebuilt = new ArrayList<>();

	LiveCases(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * A case that is not finished, as the round and the pendency figures need it.
	 *
	 * @param id the item
	 * @param status its status
	 * @param departmentCode the department it is marked to, if any
	 * @param receivedAt when it was received
	 * @param dueDate its due date, if it is marked
	 * @param breachedAt when its deadline breach was announced
	 * @param remindersSent the reminders announced (working days before the due date)
	 * @param disposedAt when it was disposed, if it is disposed and waits for feedback
	 * @param officeCode the office below the department it is forwarded to, if any
	 * @param copiedTo the departments it is copied to for information
	 */
	@org.springframework.data.mongodb.core.mapping.Document(COLLECTION)
	public record LiveCase(@Id String id, ItemStatus status, String departmentCode, Instant receivedAt,
			LocalDate dueDate, Instant breachedAt, List<Integer> remindersSent, Instant disposedAt, String officeCode,
			List<String> copiedTo) {

		public LiveCase {
			remindersSent = (remindersSent != null) ? List.copyOf(remindersSent) : List.of();
			copiedTo = (copiedTo != null) ? List.copyOf(copiedTo) : List.of();
		}

		static LiveCase of(ComplaintCase complaintCase) {
			return new LiveCase(complaintCase.id(), complaintCase.status(), complaintCase.departmentCode(),
					complaintCase.receivedAt(), complaintCase.dueDate(), complaintCase.breachedAt(),
					complaintCase.remindersSent(), complaintCase.disposedAt().orElse(null), complaintCase.officeCode(),
					complaintCase.copiedTo());
		}

		public boolean isOpen() {
			return this.status != null && this.status.isOpen();
		}

	}

	/** Writes a case's summary, or removes it once the case is finished. */
	public void refresh(ComplaintCase complaintCase) {
		if (isLive(complaintCase)) {
			this.mongo.save(LiveCase.of(complaintCase));
		}
		else {
			this.mongo.remove(Query.query(Criteria.where("_id").is(complaintCase.id())), LiveCase.class);
		}
	}

	private static boolean isLive(ComplaintCase complaintCase) {
		boolean atADepartment = complaintCase.departmentCode() != null || !complaintCase.copiedTo().isEmpty();
		return atADepartment && (complaintCase.status() == null || !FINISHED.contains(complaintCase.status()));
	}

	/** Every case that is not finished. */
	public List<LiveCase> all() {
		return this.mongo.findAll(LiveCase.class);
	}

	/** The cases in the open statuses, for the overdue figures. */
	public List<LiveCase> open() {
		return all().stream().filter(LiveCase::isOpen).toList();
	}

	@Override
	public void rebuildStarts() {
		this.mongo.remove(new Query(), LiveCase.class);
		this.rebuilt.clear();
	}

	@Override
	public void rebuild(ComplaintCase complaintCase) {
		if (isLive(complaintCase)) {
			this.rebuilt.add(LiveCase.of(complaintCase));
			if (this.rebuilt.size() == 500) {
				rebuildEnds();
			}
		}
	}

	@Override
	public void rebuildEnds() {
		if (!this.rebuilt.isEmpty()) {
			try {
				this.mongo.insert(this.rebuilt, LiveCase.class);
			}
			catch (DataIntegrityViolationException | BulkOperationException ex) {
				// another instance, starting too, wrote some of them: one by one
				this.rebuilt.forEach(this.mongo::save);
			}
			this.rebuilt.clear();
		}
	}

	@Override
	public void saved(ComplaintCase complaintCase, CaseFacts before) {
		if (before == null && !isLive(complaintCase)) {
			// a new item not yet at a department: it has no summary to write or remove
			return;
		}
		refresh(complaintCase);
	}

}
