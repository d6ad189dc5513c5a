package org.dak.tracking.complaintcase;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;

import org.dak.contracts.ComplaintRecalled;
import org.dak.contracts.ComplaintReceived;
import org.dak.contracts.Place;
import org.dak.contracts.ComplaintRouted;
import org.dak.contracts.DeadlineBreached;
import org.dak.contracts.DeadlineNeared;
import org.dak.contracts.StatusUpdated;
import org.dak.contracts.ItemStatus;
import org.dak.contracts.OfficeTime;
import org.dak.support.events.OutboxEvent;
import org.dak.tracking.deadline.DeadlinePolicy;
import org.dak.platform.Refusal;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An item as tracking sees it: status, department, masked applicant details, and its
 * timeline. Saved whole with optimistic locking, so two updates at once cannot both win;
 * the events it announces are stored with it.
 */
@Document("cases")
// a versioned save writes where {_id, version} match: this index answers it on the
// embedded MongoDB server, which would otherwise read the whole collection
@CompoundIndex(name = "id_version", def = "{'_id': 1, 'version': 1}", unique = true)
public class ComplaintCase {

	/** What a department may post. */
	private static final Set<ItemStatus> DEPARTMENT_MOVES = EnumSet.of(ItemStatus.IN_PROGRESS, ItemStatus.DISPOSED,
			ItemStatus.RETURNED, ItemStatus.REJECTED);

	/** Moves that need a note: the reason or the action taken. */
	private static final Set<ItemStatus> NOTE_REQUIRED = EnumSet.of(ItemStatus.DISPOSED, ItemStatus.RETURNED,
			ItemStatus.REJECTED);

	@Id
	private String id;

	@Version
	private Long version;

	private String accessCodeHash;

	private ItemStatus status;

	@Indexed
	private String departmentCode;

	private String departmentName;

	private String departmentNameHi;

	private LocalDate dueDate;

	private String channel;

	private String category;

	private List<String> copiedTo = new ArrayList<>();

	private String officeCode;

	private String subject;

	private Instant receivedAt;

	private MaskedApplicant applicant;

	/** Where it is about, if the applicant named a place. */
	private Place place;

	/** A link to a photo of it the applicant gave, never fetched. */
	private String mediaUrl;

	/**
	 * Its description, kept only for a report made through Open311, which that standard
	 * makes public; {@code null} for every other item.
	 */
	private String publicDescription;

	private List<Integer> remindersSent = new ArrayList<>();

	private Instant breachedAt;

	/**
	 * The newest decision of the DM's desk (marking, re-marking, recall) applied or
	 * refused here; older ones arriving late change nothing.
	 */
	private long markingSequence;

	private List<TimelineEntry> timeline = new ArrayList<>();

	private List<OutboxEvent> outbox = new ArrayList<>();

	/** The facts the read models counted for this case: as loaded, or as last saved. */
	@Transient
	private CaseFacts counted;

	public ComplaintCase(String id) {
		this.id = id;
	}

	/**
	 * The applicant as others may see them: initials, and the ends of phone and e-mail.
	 */
	public record MaskedApplicant(String initials, String mobile, String mobileLast4, String email) {
	}

	boolean hasSeen(String eventId) {
		return this.timeline.stream().anyMatch((entry) -> entry.eventId().equals(eventId));
	}

	public void apply(ComplaintReceived event) {
		if (hasSeen(event.eventId())) {
			return;
		}
		this.accessCodeHash = event.accessCodeHash();
		this.channel = event.channel();
		this.category = event.category();
		this.subject = event.subject();
		this.receivedAt = event.occurredAt();
		this.applicant = Masking.applicant(event.applicant());
		this.place = event.place();
		this.mediaUrl = event.mediaUrl();
		this.publicDescription = Boolean.TRUE.equals(event.reportedOnOpen311()) ? event.description() : null;
		if (this.status == null) {
			// the marking may have arrived first: then the item is already further along
			this.status = ItemStatus.RECEIVED;
		}
		this.timeline.add(new TimelineEntry(event.eventId(), event.occurredAt(), ItemStatus.RECEIVED, null,
				event.channel(), null));
	}

	/**
	 * The DM marked the item. Without a due date from the DM, the department's rule gives
	 * one ({@code ruleDueDate}); a new marking starts a new deadline. A decision older
	 * than the newest one seen changes nothing; one the lifecycle does not allow (the
	 * item is disposed, rejected or closed) is refused and the refusal announced, so the
	 * DM's desk learns the item's real state.
	 */
	public Optional<StatusUpdated> apply(ComplaintRouted event, LocalDate ruleDueDate) {
		if (hasSeen(event.eventId()) || isSuperseded(event.markingSequence())) {
			return Optional.empty();
		}
		ItemStatus current = (this.status != null) ? this.status : ItemStatus.RECEIVED;
		if (!current.canMoveTo(ItemStatus.MARKED)) {
			return Optional.of(refuse(event.eventId(), event.markingSequence(), "MARKING_REFUSED", event.markedBy(),
					event.occurredAt(), "Not marked to " + event.departmentCode() + ": the item is " + current + "."));
		}
		mark(event, ruleDueDate);
		return Optional
			.of(announce(ItemStatus.MARKED, current, event.instructions(), event.markedBy(), null, event.occurredAt()));
	}

	private void mark(ComplaintRouted event, LocalDate ruleDueDate) {
		this.markingSequence = Math.max(this.markingSequence, event.markingSequence());
		this.status = ItemStatus.MARKED;
		this.departmentCode = event.departmentCode();
		this.departmentName = event.departmentName();
		this.departmentNameHi = event.departmentNameHi();
		this.dueDate = (event.dueDate() != null) ? event.dueDate() : ruleDueDate;
		this.remindersSent = new ArrayList<>();
		this.breachedAt = null;
		this.copiedTo = new ArrayList<>(
				(event.copyDepartmentCodes() != null) ? event.copyDepartmentCodes() : List.of());
		this.officeCode = null;
		this.timeline.add(new TimelineEntry(event.eventId(), event.occurredAt(), ItemStatus.MARKED,
				event.departmentCode(), event.markedBy(), event.instructions(), null, null, List.of()));
	}

	/**
	 * The DM took the item back from its department: it waits for marking again and the
	 * department no longer sees it. An older decision changes nothing; a recall the
	 * lifecycle does not allow (the department settled the item first) is refused and the
	 * refusal announced.
	 */
	public Optional<StatusUpdated> apply(ComplaintRecalled event) {
		if (hasSeen(event.eventId()) || isSuperseded(event.markingSequence())) {
			return Optional.empty();
		}
		boolean sameDepartment = event.departmentCode().equals(this.departmentCode);
		if (this.status == null || !this.status.canMoveTo(ItemStatus.RECALLED)
				|| (event.markingSequence() == 0 && !sameDepartment)) {
			return Optional.of(refuse(event.eventId(), event.markingSequence(), "RECALL_REFUSED", event.recalledBy(),
					event.occurredAt(), "Not recalled from " + event.departmentCode() + ": the item is "
							+ ((this.status != null) ? this.status : ItemStatus.RECEIVED) + "."));
		}
		ItemStatus previous = this.status;
		recall(event);
		return Optional
			.of(announce(ItemStatus.RECALLED, previous, event.reason(), event.recalledBy(), null, event.occurredAt()));
	}

	private void recall(ComplaintRecalled event) {
		this.markingSequence = Math.max(this.markingSequence, event.markingSequence());
		this.status = ItemStatus.RECALLED;
		this.departmentCode = null;
		this.departmentName = null;
		this.departmentNameHi = null;
		this.dueDate = null;
		this.copiedTo = new ArrayList<>();
		this.officeCode = null;
		this.timeline.add(new TimelineEntry(event.eventId(), event.occurredAt(), ItemStatus.RECALLED,
				event.departmentCode(), event.recalledBy(), event.reason(), "RECALLED", null, List.of()));
	}

	/**
	 * Makes again, during a rebuild from the topics ({@code RebuildFromTheTopics}), a
	 * change this service announced: as it was, deciding nothing and announcing nothing.
	 * A marking or recall takes its details from the DM's desk's event it answered, when
	 * that is found (the due date from the department's rule where the DM gave none); a
	 * working step takes its evidence files from the case as it was stored, when that is
	 * at hand.
	 * @param announced the {@code status-updated} event
	 * @param decision the {@code complaint-routed} or {@code complaint-recalled} event it
	 * answered, or {@code null}
	 * @param ruleDueDate the due date the department's rule gives, for a marking
	 * @param evidence the files of a working step
	 */
	public void replay(StatusUpdated announced, Record decision, LocalDate ruleDueDate,
			List<TimelineEntry.Evidence> evidence) {
		ItemStatus next = ItemStatus.valueOf(announced.status());
		String step = announced.step();
		Instant at = announced.occurredAt();
		if ("MARKING_REFUSED".equals(step) || "RECALL_REFUSED".equals(step)) {
			this.markingSequence = Math.max(this.markingSequence, announced.markingSequence());
			String eventId = (decision instanceof ComplaintRouted routed) ? routed.eventId()
					: (decision instanceof ComplaintRecalled recalled) ? recalled.eventId() : announced.eventId();
			this.status = next;
			this.timeline.add(new TimelineEntry(eventId, at, next, announced.departmentCode(), announced.updatedBy(),
					announced.note(), step, null, List.of()));
		}
		else if (next == ItemStatus.MARKED && step == null) {
			mark((decision instanceof ComplaintRouted routed) ? routed
					: new ComplaintRouted(announced.eventId(), this.id, at, announced.departmentCode(), null, null,
							null, announced.note(), null, announced.updatedBy(), List.of(),
							announced.markingSequence()),
					ruleDueDate);
		}
		else if (next == ItemStatus.RECALLED && step == null) {
			recall((decision instanceof ComplaintRecalled recalled) ? recalled
					: new ComplaintRecalled(announced.eventId(), this.id, at, this.departmentCode, announced.note(),
							announced.updatedBy(), announced.markingSequence()));
		}
		else if (step != null) {
			if (Step.FORWARD.past().equals(step)) {
				this.officeCode = announced.officeCode();
			}
			this.status = next;
			this.timeline.add(new TimelineEntry(announced.eventId(), at, next, announced.departmentCode(),
					announced.updatedBy(), announced.note(), step, announced.officeCode(), evidence));
		}
		else {
			this.status = next;
			this.timeline.add(new TimelineEntry(announced.eventId(), at, next, announced.departmentCode(),
					announced.updatedBy(), announced.note()));
		}
	}

	/**
	 * A reminder this service sent, made again during a rebuild: it counts for the
	 * marking it was sent for (same department and due date) only.
	 * @param neared the reminder
	 * @param reached the reminder points it had reached
	 */
	public void replay(DeadlineNeared neared, List<Integer> reached) {
		if (java.util.Objects.equals(neared.departmentCode(), this.departmentCode)
				&& java.util.Objects.equals(neared.dueDate(), this.dueDate)) {
			reached.stream().filter((point) -> !this.remindersSent.contains(point)).forEach(this.remindersSent::add);
		}
	}

	/**
	 * A breach this service announced, made again during a rebuild: for its marking only.
	 */
	public void replay(DeadlineBreached breached) {
		if (breached.markingSequence() == this.markingSequence
				&& java.util.Objects.equals(breached.departmentCode(), this.departmentCode)
				&& java.util.Objects.equals(breached.dueDate(), this.dueDate)) {
			this.breachedAt = breached.occurredAt();
		}
	}

	/**
	 * The events stored with the case and not yet published (or set aside for the
	 * operator): during a rebuild, they are the newest changes, not yet on the topics.
	 */
	public List<OutboxEvent> unpublished() {
		return this.outbox.stream().filter((event) -> event.publishedAt() == null).toList();
	}

	/** Keeps an event not yet published, so that it still goes out. */
	public void keepUnpublished(OutboxEvent event) {
		this.outbox.add(event);
	}

	/** The evidence files of a timeline entry, if the case has it. */
	public List<TimelineEntry.Evidence> evidenceOf(String eventId) {
		return this.timeline.stream()
			.filter((entry) -> entry.eventId().equals(eventId))
			.findFirst()
			.map(TimelineEntry::evidence)
			.orElse(List.of());
	}

	/**
	 * Whether a decision of the DM's desk is older than one already applied or refused.
	 * Events from before the sequence existed ({@code 0}) are taken in arrival order.
	 */
	private boolean isSuperseded(long sequence) {
		return sequence != 0 && sequence <= this.markingSequence;
	}

	/**
	 * Keeps the item as it is and announces that a decision of the DM's desk was not
	 * applied, with the item's real status and department.
	 */
	private StatusUpdated refuse(String eventId, long sequence, String step, String actor, Instant at, String note) {
		this.markingSequence = Math.max(this.markingSequence, sequence);
		ItemStatus current = (this.status != null) ? this.status : ItemStatus.RECEIVED;
		this.timeline
			.add(new TimelineEntry(eventId, at, current, this.departmentCode, actor, note, step, null, List.of()));
		return announce(current, current, note, actor, step, at);
	}

	/** Stores a {@code status-updated} event for the item as it now stands. */
	private StatusUpdated announce(ItemStatus next, ItemStatus previous, String note, String actor, String step,
			Instant at) {
		StatusUpdated event = new StatusUpdated(OutboxEvent.newEventId(), this.id, at, next.name(), previous.name(),
				this.departmentCode, note, actor, step, null, this.markingSequence);
		this.outbox.add(OutboxEvent.pending(event, this.id, event.eventId(), at));
		return event;
	}

	/**
	 * A department's working step on an item marked to it: it is then in progress.
	 * Acknowledging is the first step only; action taken and interim replies need a note;
	 * a forwarding names an office below the department (checked by the caller).
	 */
	public StatusUpdated step(Step step, String actingDepartment, String note, String office,
			List<TimelineEntry.Evidence> evidence, String actor, Instant at) {
		mustBeMarkedTo(actingDepartment);
		if (this.status != ItemStatus.MARKED && this.status != ItemStatus.IN_PROGRESS) {
			throw Refusal.conflict("illegal-transition", "Illegal transition",
					"Item " + this.id + " is " + this.status + "; working steps are for items marked or in progress.");
		}
		if (step == Step.ACKNOWLEDGE && this.status != ItemStatus.MARKED) {
			throw Refusal.conflict("already-acknowledged", "Already acknowledged",
					"Item " + this.id + " is already in progress.");
		}
		if (step.needsNote() && (note == null || note.isBlank())) {
			throw Refusal.invalid("note-required", "Note required",
					step.past() + " needs a note: what was done or what to tell the applicant.");
		}
		if (step == Step.FORWARD) {
			this.officeCode = office;
		}
		StatusUpdated event = new StatusUpdated(OutboxEvent.newEventId(), this.id, at, ItemStatus.IN_PROGRESS.name(),
				this.status.name(), this.departmentCode, note, actor, step.past(),
				(step == Step.FORWARD) ? office : null, this.markingSequence);
		this.status = ItemStatus.IN_PROGRESS;
		this.timeline.add(new TimelineEntry(event.eventId(), at, ItemStatus.IN_PROGRESS, this.departmentCode, actor,
				note, step.past(), event.officeCode(), evidence));
		this.outbox.add(OutboxEvent.pending(event, this.id, event.eventId(), at));
		return event;
	}

	private void mustBeMarkedTo(String actingDepartment) {
		if (this.departmentCode == null || !this.departmentCode.equals(actingDepartment)) {
			throw Refusal.conflict("not-marked-to-department", "Not marked to department", "Item " + this.id
					+ " is not marked to " + actingDepartment
					+ (this.copiedTo.contains(actingDepartment) ? "; it has a copy for information only." : "."));
		}
	}

	/**
	 * A department moves the item on. Only the department it is marked to may, only along
	 * the lifecycle, and with a note where one is required.
	 */
	public StatusUpdated changeStatus(ItemStatus next, String actingDepartment, String note, String actor, Instant at) {
		if (!DEPARTMENT_MOVES.contains(next)) {
			throw Refusal.invalid("status-not-allowed", "Status not allowed",
					"A department may post " + DEPARTMENT_MOVES + ", not " + next + ".");
		}
		mustBeMarkedTo(actingDepartment);
		if (!this.status.canMoveTo(next)) {
			throw Refusal.conflict("illegal-transition", "Illegal transition", "Item " + this.id + " is " + this.status
					+ "; it can move to " + this.status.nextStatuses() + ", not to " + next + ".");
		}
		if (NOTE_REQUIRED.contains(next) && (note == null || note.isBlank())) {
			throw Refusal.invalid("note-required", "Note required",
					next + " needs a note: the action taken or the reason.");
		}
		return move(next, note, actor, at);
	}

	/**
	 * The applicant's word on a disposal or rejection: satisfied closes the item, not
	 * satisfied (with a reason) reopens it and sends it back to the DM. The timeline says
	 * what the applicant showed for it.
	 * @param credential {@code access code} or {@code one-time code}
	 */
	public StatusUpdated feedback(boolean satisfied, String reason, Instant at, String credential) {
		if (this.status != ItemStatus.DISPOSED && this.status != ItemStatus.REJECTED) {
			throw Refusal.conflict("feedback-not-open", "Not awaiting feedback",
					"Feedback can be given once the item is disposed of or rejected; it is " + this.status + ".");
		}
		if (!satisfied && (reason == null || reason.isBlank())) {
			throw Refusal.invalid("reason-required", "Reason required", "Please say why you are not satisfied.");
		}
		return move(satisfied ? ItemStatus.CLOSED : ItemStatus.REOPENED, satisfied ? null : reason,
				"applicant, with the " + credential, at);
	}

	/** When the item was last disposed, if it is disposed now. */
	public Optional<Instant> disposedAt() {
		if (this.status != ItemStatus.DISPOSED) {
			return Optional.empty();
		}
		return this.timeline.stream()
			.filter((entry) -> entry.status() == ItemStatus.DISPOSED)
			.map(TimelineEntry::at)
			.max(Comparator.naturalOrder());
	}

	public List<Integer> remindersSent() {
		return List.copyOf(this.remindersSent);
	}

	/** What the read models keep of the case. */
	public CaseFacts facts() {
		Instant firstDisposedAt = timeline().stream()
			.filter((entry) -> entry.status() == ItemStatus.DISPOSED)
			.map(TimelineEntry::at)
			.findFirst()
			.orElse(null);
		return new CaseFacts(this.status, this.channel, this.departmentCode, this.receivedAt, firstDisposedAt);
	}

	public CaseFacts counted() {
		return this.counted;
	}

	public void counted(CaseFacts facts) {
		this.counted = facts;
	}

	/** Closes a disposed item nobody answered for {@code after}; nothing otherwise. */
	public Optional<StatusUpdated> closeIfUnanswered(java.time.Duration after, Instant now) {
		if (this.status != ItemStatus.DISPOSED) {
			return Optional.empty();
		}
		Optional<Instant> disposedAt = disposedAt();
		if (disposedAt.isEmpty() || disposedAt.get().plus(after).isAfter(now)) {
			return Optional.empty();
		}
		return Optional.of(move(ItemStatus.CLOSED, "closed without feedback", "system", now));
	}

	private StatusUpdated move(ItemStatus next, String note, String actor, Instant at) {
		ItemStatus previous = this.status;
		this.status = next;
		StatusUpdated event = announce(next, previous, note, actor, null, at);
		this.timeline.add(new TimelineEntry(event.eventId(), at, next, this.departmentCode, actor, note));
		return event;
	}

	/**
	 * Checks the deadline at {@code now}: a reminder for the latest reminder point newly
	 * passed, and a breach once the due date has passed, each announced once.
	 * @return the events announced
	 */
	public List<Record> checkDeadline(DeadlinePolicy policy, Instant now) {
		if (this.dueDate == null || this.receivedAt == null || this.breachedAt != null
				|| (this.status != null && this.status.isSettled())) {
			return List.of();
		}
		LocalDate today = now.atZone(OfficeTime.ZONE).toLocalDate();
		LocalDate received = this.receivedAt.atZone(OfficeTime.ZONE).toLocalDate();
		List<Record> events = new ArrayList<>();
		if (policy.isOverdue(this.dueDate, today)) {
			this.breachedAt = now;
			DeadlineBreached breached = new DeadlineBreached(OutboxEvent.newEventId(), this.id, now,
					this.departmentCode, this.dueDate, this.status.name(), this.markingSequence);
			this.outbox.add(OutboxEvent.pending(breached, this.id, breached.eventId(), now));
			events.add(breached);
			return events;
		}
		List<Integer> reached = new ArrayList<>(policy.remindersReached(received, this.dueDate, today));
		reached.removeAll(this.remindersSent);
		if (!reached.isEmpty()) {
			int latest = reached.get(reached.size() - 1);
			this.remindersSent.addAll(reached);
			DeadlineNeared neared = new DeadlineNeared(OutboxEvent.newEventId(), this.id, now, this.departmentCode,
					this.dueDate, latest, policy.workingDaysLeft(today, this.dueDate));
			this.outbox.add(OutboxEvent.pending(neared, this.id, neared.eventId(), now));
			events.add(neared);
		}
		return events;
	}

	/**
	 * The office's calendar changed: a deadline the department's rule gave
	 * ({@code ruleBefore}: the rule under the calendar before) moves to what the rule
	 * gives now, noted on the timeline ({@code DEADLINE_MOVED}). A due date the DM set,
	 * and a settled item's, stay as they are; the same change twice moves nothing.
	 * @param change the {@code settings-changed} event's ID
	 * @return whether the due date moved
	 */
	public boolean redate(LocalDate ruleBefore, LocalDate ruleAfter, String change, Instant at, String actor,
			String note) {
		if (this.dueDate == null || this.status == null || this.status.isSettled() || hasSeen(change)
				|| !this.dueDate.equals(ruleBefore) || ruleBefore.equals(ruleAfter)) {
			return false;
		}
		this.timeline.add(new TimelineEntry(
				change, at, this.status, this.departmentCode, actor, "समय-सीमा " + this.dueDate + " से " + ruleAfter
						+ " / due date moved from " + this.dueDate + " to " + ruleAfter + ": " + note,
				TimelineEntry.DEADLINE_MOVED, null, List.of()));
		this.dueDate = ruleAfter;
		return true;
	}

	public Instant breachedAt() {
		return this.breachedAt;
	}

	/** The timeline in the order things happened. */
	public List<TimelineEntry> timeline() {
		return this.timeline.stream().sorted(Comparator.comparing(TimelineEntry::at)).toList();
	}

	public String id() {
		return this.id;
	}

	public String accessCodeHash() {
		return this.accessCodeHash;
	}

	public ItemStatus status() {
		return this.status;
	}

	public String departmentCode() {
		return this.departmentCode;
	}

	public String departmentName() {
		return this.departmentName;
	}

	public String departmentNameHi() {
		return this.departmentNameHi;
	}

	public LocalDate dueDate() {
		return this.dueDate;
	}

	public String category() {
		return this.category;
	}

	/** Departments that have a copy for information. */
	public List<String> copiedTo() {
		return (this.copiedTo != null) ? List.copyOf(this.copiedTo) : List.of();
	}

	/** The office below the department it was forwarded to, or {@code null}. */
	public String officeCode() {
		return this.officeCode;
	}

	/** Whether an officer of that department may see it: marked to it, or copied. */
	public boolean isVisibleToDepartment(String department) {
		return department != null && (department.equals(this.departmentCode) || copiedTo().contains(department));
	}

	public String channel() {
		return this.channel;
	}

	public String subject() {
		return this.subject;
	}

	public Instant receivedAt() {
		return this.receivedAt;
	}

	public MaskedApplicant applicant() {
		return this.applicant;
	}

	/** Where it is about, if the applicant named a place, or {@code null}. */
	public Place place() {
		return this.place;
	}

	/** A link to a photo of it the applicant gave, or {@code null}. */
	public String mediaUrl() {
		return this.mediaUrl;
	}

	/**
	 * Whether it was reported through Open311: then its description, place and photo link
	 * are public there.
	 */
	public boolean isPublicReport() {
		return this.publicDescription != null;
	}

	/** Its description, for a report made through Open311 only. */
	public Optional<String> publicDescription() {
		return Optional.ofNullable(this.publicDescription);
	}

}
