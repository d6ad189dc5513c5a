package org.dak.routing.inbox;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import org.dak.contracts.ComplaintReceived;
import org.dak.contracts.ComplaintRecalled;
import org.dak.contracts.ComplaintRouted;
import org.dak.contracts.DeadlineBreached;
import org.dak.contracts.StatusUpdated;
import org.dak.routing.department.Department;
import org.dak.routing.department.Departments;
import org.dak.support.events.Outbox;
import org.dak.support.events.OutboxEvent;
import org.dak.platform.Refusal;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The DM's inbox: items arrive from {@code complaint-received}, leave by marking (which
 * announces {@code complaint-routed}) and come back when a department returns them.
 */
@Service
class Inbox {

	private final MongoTemplate mongo;

	private final Departments departments;

	private final MeterRegistry meters;

	private final Suggestions suggestions;

	private final Outbox outbox;

	private final InboxWords words;

	Inbox(MongoTemplate mongo, Departments departments, MeterRegistry meters, Suggestions suggestions, Outbox outbox,
			InboxWords words) {
		this.mongo = mongo;
		this.outbox = outbox;
		this.words = words;
		this.departments = departments;
		this.meters = meters;
		this.suggestions = suggestions;
	}

	/** Puts a received item in the inbox; receiving it again changes nothing. */
	void receive(ComplaintReceived event) {
		Update update = new Update().setOnInsert("channel", event.channel())
			.setOnInsert("subject", event.subject())
			.setOnInsert("applicantName", event.applicant().name())
			.setOnInsert("receivedAt", event.occurredAt())
			.setOnInsert("possibleDuplicateOf", event.possibleDuplicateOf())
			.setOnInsert("category", event.category())
			.setOnInsert("suggestedDepartment",
					this.suggestions.suggest(event.category(), event.subject(), event.description()).orElse(null))
			.setOnInsert("state", InboxState.AWAITING_MARKING)
			.setOnInsert("history", List.of())
			.setOnInsert("markingSequence", 0L)
			.setOnInsert("outbox", List.of());
		this.mongo.upsert(Query.query(Criteria.where("_id").is(event.complaintId())), update, InboxItem.class);
		this.words.index(event.complaintId(), event.subject());
	}

	/**
	 * Tracking, the owner of every item's lifecycle, announced a status. It is taken as
	 * the truth for the newest decision of this desk: a returned, recalled or reopened
	 * item waits for marking again; any other status means the item is with the
	 * department named, which also corrects a decision tracking refused (a re-marking or
	 * recall of an item the department had already settled). A status announced for an
	 * older decision changes nothing: tracking will answer the newer one.
	 */
	void statusChanged(StatusUpdated event) {
		boolean refusal = DeskRules.isRefusal(event);
		for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
			InboxItem item = find(event.complaintId()).orElse(null);
			if (item == null) {
				return;
			}
			if (!DeskRules.speaksOfTheNewestDecision(item, event)) {
				if (refusal) {
					// overtaken by a newer decision, but a refusal is still history
					this.mongo.updateFirst(Query.query(Criteria.where("_id").is(item.id())),
							new Update().push("history", history(event)), InboxItem.class);
				}
				return;
			}
			Update update = new Update().set("caseStatus", event.status());
			Optional<DeskRules.Move> move = DeskRules.move(item, event);
			move.ifPresent((moved) -> {
				update.set("state", moved.state());
				if (moved.state() == InboxState.MARKED) {
					update.set("departmentCode", moved.departmentCode());
				}
			});
			if (move.isPresent() || refusal) {
				update.push("history", history(event));
			}
			// matched, not modified: tracking's word may repeat what the desk already
			// knows
			if (this.mongo.updateFirst(Query.query(unchanged(item)), update, InboxItem.class).getMatchedCount() > 0) {
				return;
			}
		}
		throw new IllegalStateException("Inbox item " + event.complaintId() + " kept changing; try the event again");
	}

	/**
	 * A status as a line of the desk's history: a refusal by its step, else the status.
	 */
	private static InboxItem.HistoryEntry history(StatusUpdated event) {
		String action = DeskRules.isRefusal(event) ? event.step() : event.status();
		return new InboxItem.HistoryEntry(event.occurredAt(), action, event.departmentCode(), event.updatedBy(),
				event.note());
	}

	/** The item as read: same decision, same state. */
	private static Criteria unchanged(InboxItem item) {
		// exactly the keys of the unique index "id_decision": the embedded MongoDB server
		// finds the item through it instead of reading every item (null: no sequence yet)
		return Criteria.where("_id")
			.is(item.id())
			.and("state")
			.is(item.state())
			.and("markingSequence")
			.is(item.markingSequence());
	}

	/**
	 * An item passed its deadline undisposed: it comes to the DM's notice, once per
	 * marking; a new marking starts afresh.
	 */
	void escalated(DeadlineBreached event) {
		InboxItem item = find(event.complaintId()).orElse(null);
		if (item == null || !DeskRules.escalates(item, event)) {
			return;
		}
		Update update = new Update().set("escalatedAt", event.occurredAt())
			.push("history", new InboxItem.HistoryEntry(event.occurredAt(), "ESCALATED", event.departmentCode(),
					"deadline", "due " + event.dueDate()));
		// as read: a marking meanwhile starts afresh, and the event's ID makes a repeat a
		// no-op before it gets here
		if (this.mongo.updateFirst(Query.query(unchanged(item)), update, InboxItem.class).getModifiedCount() > 0) {
			this.meters.counter("dak.complaints.escalated", "department", event.departmentCode()).increment();
		}
	}

	/**
	 * What the DM looks for in the inbox; every part optional.
	 *
	 * @param state awaiting marking or marked
	 * @param channel how items arrived
	 * @param from received on or after
	 * @param to received before
	 * @param possibleDuplicate only items flagged (true) or not flagged (false)
	 * @param keyword words in the subject
	 */
	record Filter(InboxState state, String channel, Instant from, Instant to, Boolean possibleDuplicate,
			String keyword) {
	}

	Page<InboxEntry> list(Filter filter, Pageable pageable) {
		if (filter.keyword() != null && !filter.keyword().isBlank()) {
			return search(filter, pageable);
		}
		Query query = new Query();
		if (filter.state() != null) {
			query.addCriteria(Criteria.where("state").is(filter.state()));
		}
		if (filter.channel() != null) {
			query.addCriteria(Criteria.where("channel").is(filter.channel()));
		}
		if (filter.from() != null || filter.to() != null) {
			Criteria received = Criteria.where("receivedAt");
			if (filter.from() != null) {
				received = received.gte(filter.from());
			}
			if (filter.to() != null) {
				received = received.lt(filter.to());
			}
			query.addCriteria(received);
		}
		if (filter.possibleDuplicate() != null) {
			query.addCriteria(filter.possibleDuplicate() ? Criteria.where("possibleDuplicateOf").ne(null)
					: Criteria.where("possibleDuplicateOf").is(null));
		}
		long total = this.mongo.count(query, InboxItem.class);
		query.with(Sort.by(Sort.Direction.DESC, "receivedAt")).with(pageable);
		List<InboxEntry> entries = this.mongo.find(query, InboxItem.class).stream().map(InboxEntry::of).toList();
		return new PageImpl<>(entries, pageable, total);
	}

	/**
	 * A keyword search: the keyword index names the items, only those are read, and the
	 * other filters are applied to them.
	 */
	private Page<InboxEntry> search(Filter filter, Pageable pageable) {
		List<String> ids = new ArrayList<>(this.words.matching(filter.keyword()));
		List<InboxItem> found = new ArrayList<>();
		for (int start = 0; start < ids.size(); start += 1000) {
			found.addAll(this.mongo.find(
					Query.query(Criteria.where("_id").in(ids.subList(start, Math.min(ids.size(), start + 1000)))),
					InboxItem.class));
		}
		List<InboxItem> matching = found.stream()
			.filter((item) -> filter.state() == null || filter.state() == item.state())
			.filter((item) -> filter.channel() == null || filter.channel().equals(item.channel()))
			.filter((item) -> filter.from() == null || !item.receivedAt().isBefore(filter.from()))
			.filter((item) -> filter.to() == null || item.receivedAt().isBefore(filter.to()))
			.filter((item) -> filter.possibleDuplicate() == null
					|| filter.possibleDuplicate() == (item.possibleDuplicateOf() != null))
			.sorted(Comparator.comparing(InboxItem::receivedAt, Comparator.nullsLast(Comparator.reverseOrder())))
			.toList();
		List<InboxEntry> page = matching.stream()
			.skip(pageable.getOffset())
			.limit(pageable.getPageSize())
			.map(InboxEntry::of)
			.toList();
		return new PageImpl<>(page, pageable, matching.size());
	}

	/**
	 * Marks an item awaiting marking to a department, in one conditional write that also
	 * stores the {@code complaint-routed} event.
	 */
	InboxEntry mark(String complaintId, MarkComplaint marking, String markedBy) {
		return mark(complaintId, marking, markedBy, false);
	}

	/**
	 * Marks the item again, to another department: the department it was marked to stops
	 * seeing it, the new one gets it with a new deadline.
	 */
	InboxEntry remark(String complaintId, MarkComplaint marking, String markedBy) {
		return mark(complaintId, marking, markedBy, true);
	}

	/**
	 * Marks (or re-marks) an item in one conditional write that also stores the
	 * {@code complaint-routed} event with the next decision number. An item tracking has
	 * reported disposed, rejected or closed is refused: only the applicant's appeal
	 * reopens it, and it then comes back to this inbox.
	 */
	private InboxEntry mark(String complaintId, MarkComplaint marking, String markedBy, boolean again) {
		Department department = known(marking.departmentCode());
		for (String copy : marking.copyTo()) {
			DeskRules.mayCopy(department.code(), copy);
			known(copy);
		}
		InboxItem item = existing(complaintId);
		DeskRules.mayMark(item, department.code(), again);
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		long sequence = item.sequence() + 1;
		ComplaintRouted event = new ComplaintRouted(OutboxEvent.newEventId(), complaintId, now, department.code(),
				department.name(), department.nameHi(), department.officerEmail(), marking.instructions(),
				marking.dueDate(), markedBy, marking.copyTo(), sequence);
		Update update = new Update().set("state", InboxState.MARKED)
			.set("departmentCode", department.code())
			.set("instructions", marking.instructions())
			.set("dueDate", marking.dueDate())
			.set("copyTo", marking.copyTo())
			.set("markedAt", now)
			.set("markingSequence", sequence)
			.set("caseStatus", "MARKED")
			.unset("escalatedAt")
			.push("history",
					new InboxItem.HistoryEntry(now, again ? "RE-MARKED" : "MARKED", department.code(), markedBy,
							marking.instructions()))
			.push("outbox", OutboxEvent.pending(event, complaintId, event.eventId(), now));
		decide(item, update);
		this.meters.counter("dak.complaints.routed", "department", department.code()).increment();
		return InboxEntry.of(find(complaintId).orElseThrow());
	}

	private static final int ATTEMPTS = 5;

	private InboxItem existing(String complaintId) {
		return find(complaintId).orElseThrow(() -> Refusal.notFound("complaint-not-found", "Complaint not found",
				"No item " + complaintId + " is in the inbox."));
	}

	/** Writes a decision on the item as read, or refuses if it changed meanwhile. */
	private void decide(InboxItem item, Update update) {
		if (this.outbox
			.write("inbox", item.id(),
					() -> this.mongo.updateFirst(Query.query(unchanged(item)), update, InboxItem.class))
			.getMatchedCount() == 0) {
			throw Refusal.conflict("changed-meanwhile", "Changed meanwhile",
					"Item " + item.id() + " changed while you worked on it; look at it again.");
		}
	}

	private Department known(String code) {
		return this.departments.find(code)
			.orElseThrow(() -> Refusal.invalid("unknown-department", "Unknown department",
					"There is no department with the code " + code + ". GET /api/v1/departments lists them."));
	}

	/**
	 * Takes a marked item back from its department, in one conditional write that also
	 * stores the {@code complaint-recalled} event: it waits for marking again.
	 */
	InboxEntry recall(String complaintId, String reason, String recalledBy) {
		InboxItem item = existing(complaintId);
		DeskRules.mayRecall(item);
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		long sequence = item.sequence() + 1;
		ComplaintRecalled event = new ComplaintRecalled(OutboxEvent.newEventId(), complaintId, now,
				item.departmentCode(), reason, recalledBy, sequence);
		Update update = new Update().set("state", InboxState.AWAITING_MARKING)
			.unset("departmentCode")
			.unset("dueDate")
			.set("copyTo", List.of())
			.set("markingSequence", sequence)
			.set("caseStatus", "RECALLED")
			.push("history", new InboxItem.HistoryEntry(now, "RECALLED", item.departmentCode(), recalledBy, reason))
			.push("outbox", OutboxEvent.pending(event, complaintId, event.eventId(), now));
		decide(item, update);
		this.meters.counter("dak.complaints.recalled", "department", item.departmentCode()).increment();
		return InboxEntry.of(find(complaintId).orElseThrow());
	}

	/** What came of one item of a batch. */
	record BatchOutcome(String complaintId, String outcome, String detail) {
	}

	/** Marks many items to one department: each on its own, each with its outcome. */
	List<BatchOutcome> markAll(List<String> complaintIds, MarkComplaint marking, String markedBy) {
		List<BatchOutcome> outcomes = new java.util.ArrayList<>();
		for (String complaintId : new java.util.LinkedHashSet<>(complaintIds)) {
			try {
				mark(complaintId, marking, markedBy, false);
				outcomes.add(new BatchOutcome(complaintId, "MARKED", null));
			}
			catch (Refusal ex) {
				if (ex.kind().equals("unknown-department")) {
					throw ex;
				}
				outcomes.add(new BatchOutcome(complaintId, "REFUSED", ex.detail()));
			}
		}
		return outcomes;
	}

	Optional<InboxItem> find(String complaintId) {
		return Optional.ofNullable(this.mongo.findById(complaintId, InboxItem.class));
	}

}
