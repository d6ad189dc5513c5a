package org.dak.tracking.timeline;

import org.dak.tracking.complaintcase.ComplaintCase;
import org.dak.tracking.complaintcase.TimelineEntry;
import org.dak.tracking.complaintcase.Step;
import org.dak.tracking.complaintcase.CaseRepository;
import org.dak.tracking.readmodel.LiveCases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.dak.contracts.ComplaintRecalled;
import org.dak.contracts.ComplaintReceived;
import org.dak.contracts.ComplaintRouted;
import org.dak.contracts.DeadlineBreached;
import org.dak.contracts.StatusUpdated;
import org.dak.contracts.ItemStatus;
import org.dak.platform.Refusal;
import org.dak.items.attachment.Attachments;
import org.dak.items.attachment.StoredAttachment;
import org.dak.items.attachment.Upload;
import org.dak.support.security.DakUser;
import org.dak.tracking.department.DepartmentDirectory;
import org.dak.tracking.deadline.DeadlinePolicy;
import org.dak.platform.Roles;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.gridfs.GridFsResource;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.dak.contracts.OfficeTime;
import org.dak.contracts.SettingsChanged;
import org.dak.contracts.WorkingDays;

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

	private final MongoTemplate mongo;

	private final Attachments attachments;

	private final DepartmentDirectory directory;

	private final LiveCases live;

	Cases(CaseRepository cases, MeterRegistry meters, DeadlinePolicy deadlines, Clock clock, MongoTemplate mongo,
			Attachments attachments, DepartmentDirectory directory, LiveCases live) {
		this.mongo = mongo;
		this.live = live;
		this.attachments = attachments;
		this.directory = directory;
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
			complaintCase.apply(event, this.deadlines.dueDate(event.departmentCode(), complaintCase.category(),
					received.atZone(OfficeTime.ZONE).toLocalDate()));
		});
	}

	void apply(ComplaintRecalled event) {
		update(event.complaintId(), (complaintCase) -> complaintCase.apply(event));
	}

	/**
	 * A working step by the officer's department. Evidence files are checked and stored
	 * first, and removed again if the step is refused.
	 */
	StatusUpdated step(String complaintId, Step step, DakUser officer, String note, String office,
			List<Upload> evidence) {
		ComplaintCase complaintCase = visibleTo(complaintId, officer).orElseThrow(() -> notFound(complaintId));
		if (step == Step.FORWARD
				&& (office == null || this.directory.office(complaintCase.departmentCode(), office).isEmpty())) {
			throw Refusal.invalid("unknown-office", "Unknown office",
					"Name an office below " + complaintCase.departmentCode() + " (officeCode); GET /api/v1/departments/"
							+ complaintCase.departmentCode() + " lists them.");
		}
		if (!evidence.isEmpty() && step != Step.ACTION_TAKEN) {
			throw Refusal.invalid("evidence-not-expected", "Evidence not expected",
					"Evidence files go with ACTION_TAKEN.");
		}
		List<StoredAttachment> stored = this.attachments.store(complaintId, evidence);
		List<TimelineEntry.Evidence> files = stored.stream()
			.map((file) -> new TimelineEntry.Evidence(file.id(), file.filename(), file.mediaType(), file.size()))
			.toList();
		try {
			StatusUpdated event = retried(() -> {
				ComplaintCase current = visibleTo(complaintId, officer).orElseThrow(() -> notFound(complaintId));
				StatusUpdated stepped = current.step(step, officer.department(), note, office, files,
						officer.username(), this.clock.instant().truncatedTo(ChronoUnit.MILLIS));
				this.cases.save(current);
				return stepped;
			});
			this.meters.counter("dak.status.updates", "status", event.status(), "step", event.step()).increment();
			return event;
		}
		catch (RuntimeException ex) {
			this.attachments.discard(stored);
			throw ex;
		}
	}

	/** An evidence file of an item the user may see. */
	public Optional<GridFsResource> evidence(String complaintId, String fileId, DakUser user) {
		return visibleTo(complaintId, user).flatMap((c) -> this.attachments.open(complaintId, fileId));
	}

	StatusUpdated changeStatus(String complaintId, ItemStatus next, DakUser officer, String note) {
		Instant[] received = new Instant[1];
		StatusUpdated event = retried(() -> {
			ComplaintCase complaintCase = visibleTo(complaintId, officer).orElseThrow(() -> notFound(complaintId));
			StatusUpdated changed = complaintCase.changeStatus(next, officer.department(), note, officer.username(),
					this.clock.instant().truncatedTo(ChronoUnit.MILLIS));
			this.cases.save(complaintCase);
			received[0] = complaintCase.receivedAt();
			return changed;
		});
		this.meters.counter("dak.status.updates", "status", next.name(), "step", "none").increment();
		if (next == ItemStatus.DISPOSED && received[0] != null) {
			disposalTime(event.departmentCode())
				.record(Duration.between(received[0], event.occurredAt()).toHours() / 24.0);
		}
		return event;
	}

	/**
	 * Days from receipt to disposal, by department, in buckets the office reads (a day,
	 * three, a week, a fortnight, a month, two, three).
	 */
	private DistributionSummary disposalTime(String department) {
		return DistributionSummary.builder("dak.disposal.days")
			.description("Days from an item's receipt to its disposal")
			.baseUnit("days")
			.tag("department", String.valueOf(department))
			.serviceLevelObjectives(1, 3, 7, 15, 30, 60, 90)
			.register(this.meters);
	}

	/**
	 * The case, if the caller may see it: the DM sees every case, an officer only those
	 * currently marked to their department. For anyone else it does not exist, so
	 * guessing IDs tells nothing.
	 */
	public Optional<ComplaintCase> visibleTo(String complaintId, DakUser user) {
		return find(complaintId).filter((c) -> user.has(Roles.DM)
				|| (user.has(Roles.DEPARTMENT_OFFICER) && c.isVisibleToDepartment(user.department())));
	}

	public Optional<ComplaintCase> find(String complaintId) {
		return this.cases.findById(complaintId);
	}

	/** The cases with these IDs, as far as they exist, in no particular order. */
	public List<ComplaintCase> findAll(List<String> complaintIds) {
		return complaintIds.isEmpty() ? List.of()
				: this.mongo.find(Query.query(Criteria.where("_id").in(complaintIds)), ComplaintCase.class);
	}

	/**
	 * What a department looks for in its queue; every part but the department optional.
	 *
	 * @param department the department
	 * @param status only items in this status
	 * @param overdue only open items past their due date
	 * @param dueSoon only open items due within the next few working days
	 * @param office only items forwarded to this office below the department
	 * @param copies the items copied to the department for information, instead of those
	 * marked to it
	 */
	record QueueFilter(String department, ItemStatus status, boolean overdue, boolean dueSoon, String office,
			boolean copies) {
	}

	Page<ComplaintCase> queue(QueueFilter filter, Pageable pageable) {
		LocalDate today = this.clock.instant().atZone(OfficeTime.ZONE).toLocalDate();
		if (filter.status() == null || !LiveCases.FINISHED.contains(filter.status())) {
			return queueOfUnfinished(filter, pageable, today);
		}
		// closed or rejected: a search of the archive, by request
		List<Criteria> criteria = new ArrayList<>();
		criteria.add(Criteria.where(filter.copies() ? "copiedTo" : "departmentCode").is(filter.department()));
		criteria.add(Criteria.where("status").is(filter.status()));
		if (filter.office() != null) {
			criteria.add(Criteria.where("officeCode").is(filter.office()));
		}
		if (filter.overdue() || filter.dueSoon()) {
			return Page.empty(pageable);
		}
		Query query = new Query(new Criteria().andOperator(criteria));
		long total = this.mongo.count(query, ComplaintCase.class);
		List<ComplaintCase> page = this.mongo.find(query.with(pageable), ComplaintCase.class);
		return new PageImpl<>(page, pageable, total);
	}

	/**
	 * A queue of unfinished items: chosen and ordered (oldest due first, then oldest
	 * received) from the working set, then only the page's cases read.
	 */
	private Page<ComplaintCase> queueOfUnfinished(QueueFilter filter, Pageable pageable, LocalDate today) {
		LocalDate horizon = this.deadlines.dueSoonHorizon(today);
		List<LiveCases.LiveCase> matching = this.live.all()
			.stream()
			.filter((c) -> WorkingSetRules.inQueue(filter, c, today, horizon))
			.sorted(WorkingSetRules.QUEUE_ORDER)
			.toList();
		List<String> ids = matching.stream()
			.skip(pageable.getOffset())
			.limit(pageable.getPageSize())
			.map(LiveCases.LiveCase::id)
			.toList();
		Map<String, ComplaintCase> found = new HashMap<>();
		this.mongo.find(Query.query(Criteria.where("_id").in(ids)), ComplaintCase.class)
			.forEach((c) -> found.put(c.id(), c));
		List<ComplaintCase> page = ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
		return new PageImpl<>(page, pageable, matching.size());
	}

	/**
	 * Checks the deadlines of every open case, announcing reminders and breaches.
	 * @return how many events were announced
	 */
	public int checkDeadlines() {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		LocalDate today = now.atZone(OfficeTime.ZONE).toLocalDate();
		int announced = 0;
		for (LiveCases.LiveCase live : this.live.all()) {
			if (!WorkingSetRules.dueForAnnouncement(live, today, this.deadlines)) {
				continue;
			}
			ComplaintCase open = this.cases.findById(live.id()).orElse(null);
			if (open == null) {
				continue;
			}
			List<Record> events = open.checkDeadline(this.deadlines, now);
			if (events.isEmpty()) {
				// the summary was behind the case: bring it up to date
				this.live.refresh(open);
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

	/**
	 * The office's calendar changed from {@code before} to {@code after}: each unfinished
	 * item whose due date its department's rule gave moves to what the rule gives now,
	 * noted on its timeline. Only items with a day between receipt and due date whose
	 * working-ness changed are read.
	 * @return how many moved
	 */
	public int redate(SettingsChanged change, WorkingDays before, WorkingDays after) {
		int moved = 0;
		for (LiveCases.LiveCase live : this.live.all()) {
			if (live.dueDate() == null || live.receivedAt() == null || live.status() == null
					|| live.status().isSettled()
					|| sameDays(before, after, OfficeTime.dateOf(live.receivedAt()), live.dueDate().plusDays(1))) {
				continue;
			}
			boolean changed = retried(() -> {
				ComplaintCase open = this.cases.findById(live.id()).orElse(null);
				if (open == null || open.receivedAt() == null) {
					return false;
				}
				LocalDate received = OfficeTime.dateOf(open.receivedAt());
				LocalDate ruleBefore = this.deadlines.dueDate(open.departmentCode(), open.category(), received, before);
				LocalDate ruleAfter = this.deadlines.dueDate(open.departmentCode(), open.category(), received, after);
				if (!open.redate(ruleBefore, ruleAfter, change.eventId(), change.occurredAt(), change.changedBy(),
						change.summary())) {
					return false;
				}
				this.cases.save(open);
				return true;
			});
			if (changed) {
				moved++;
				this.meters.counter("dak.deadlines.redated").increment();
			}
		}
		return moved;
	}

	/**
	 * Whether every day after {@code from} up to {@code to} is a working day in both or
	 * in neither: then no due date in that span moves.
	 */
	private static boolean sameDays(WorkingDays before, WorkingDays after, LocalDate from, LocalDate to) {
		for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
			if (before.isWorkingDay(day) != after.isWorkingDay(day)) {
				return false;
			}
		}
		return true;
	}

	/** The applicant's feedback on an item they opened with its code. */
	public StatusUpdated feedback(ComplaintCase complaintCase, boolean satisfied, String reason, String credential) {
		StatusUpdated event = complaintCase.feedback(satisfied, reason,
				this.clock.instant().truncatedTo(ChronoUnit.MILLIS), credential);
		this.cases.save(complaintCase);
		this.meters.counter("dak.status.updates", "status", event.status(), "step", "none").increment();
		return event;
	}

	/**
	 * Closes disposed items that had no feedback for the given time.
	 * @return how many were closed
	 */
	public int closeUnanswered(java.time.Duration after) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		int closed = 0;
		for (LiveCases.LiveCase live : this.live.all()) {
			if (live.status() != ItemStatus.DISPOSED || live.disposedAt() == null
					|| live.disposedAt().plus(after).isAfter(now)) {
				continue;
			}
			ComplaintCase disposed = this.cases.findById(live.id()).orElse(null);
			if (disposed == null) {
				continue;
			}
			if (disposed.closeIfUnanswered(after, now).isPresent()) {
				try {
					this.cases.save(disposed);
					this.meters.counter("dak.status.updates", "status", ItemStatus.CLOSED.name(), "step", "none")
						.increment();
					closed++;
				}
				catch (OptimisticLockingFailureException ex) {
					// answered meanwhile: the next round sees it
				}
			}
			else {
				this.live.refresh(disposed);
			}
		}
		return closed;
	}

	/** Every case that is not settled, for pendency: from the working set. */
	public List<LiveCases.LiveCase> open() {
		return this.live.open();
	}

	/**
	 * Runs a read-change-save again if another writer (the deadline watcher, an event, a
	 * first insert of the same case) got there first.
	 */
	private <T> T retried(Supplier<T> change) {
		for (int attempt = 1;; attempt++) {
			try {
				return change.get();
			}
			catch (OptimisticLockingFailureException | DuplicateKeyException ex) {
				if (attempt == ATTEMPTS) {
					throw ex;
				}
			}
		}
	}

	/** Reads (or starts), changes and saves one case. */
	private void update(String complaintId, Consumer<ComplaintCase> change) {
		retried(() -> {
			ComplaintCase complaintCase = this.cases.findById(complaintId)
				.orElseGet(() -> new ComplaintCase(complaintId));
			change.accept(complaintCase);
			return this.cases.save(complaintCase);
		});
	}

	/** No such item, or none the caller may see: the same answer either way. */
	static Refusal notFound(String complaintId) {
		return Refusal.notFound("complaint-not-found", "Complaint not found",
				"No item " + complaintId + " is being tracked.");
	}

}
