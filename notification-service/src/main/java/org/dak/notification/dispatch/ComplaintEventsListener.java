package org.dak.notification.dispatch;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.dak.contracts.ComplaintReceived;
import org.dak.contracts.ComplaintRouted;
import org.dak.contracts.DeadlineBreached;
import org.dak.contracts.DeadlineNeared;
import org.dak.contracts.OneTimeCodeIssued;
import org.dak.contracts.StatusUpdated;
import org.dak.contracts.Topics;
import org.dak.support.events.ProcessedEvents;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Turns each complaint event into the messages it calls for, and queues them. Nothing is
 * sent here: a slow provider cannot hold up the topics.
 */
@Component
class ComplaintEventsListener {

	private final NotificationQueue queue;

	private final Messages messages;

	private final ProcessedEvents processed;

	private final MongoTemplate mongo;

	private final OfficeDirectory offices;

	private final OfficerDigest digest;

	private final TrackingLinks links;

	private final EarlyEvents early;

	private final MarkingOutcomes markings;

	ComplaintEventsListener(NotificationQueue queue, Messages messages, ProcessedEvents processed, MongoTemplate mongo,
			OfficeDirectory offices, OfficerDigest digest, TrackingLinks links, EarlyEvents early,
			MarkingOutcomes markings) {
		this.links = links;
		this.early = early;
		this.markings = markings;
		this.queue = queue;
		this.messages = messages;
		this.processed = processed;
		this.mongo = mongo;
		this.offices = offices;
		this.digest = digest;
	}

	@KafkaListener(topics = Topics.COMPLAINT_RECEIVED)
	void on(ComplaintReceived event) {
		this.processed.once(event.eventId(), Topics.COMPLAINT_RECEIVED, () -> {
			ApplicantContact contact = new ApplicantContact(event.complaintId(), event.applicant().name(),
					event.applicant().mobile(), event.applicant().email(), event.applicant().preferredLanguage(),
					this.links.trackingLink(event), event.accessCodeHash(), event.subject(), null, null);
			this.mongo.save(contact);
			this.queue.enqueue(event.eventId(), event.complaintId(), this.messages.received(event, contact));
			this.early.release(event.complaintId(), this::handle);
		});
	}

	/**
	 * A marking is told once tracking has applied it (see {@link MarkingOutcomes});
	 * markings from before decisions were numbered, at once.
	 */
	@KafkaListener(topics = Topics.COMPLAINT_ROUTED)
	void on(ComplaintRouted event) {
		this.processed.once(event.eventId(), Topics.COMPLAINT_ROUTED, () -> {
			Optional<ComplaintRouted> applied = (event.markingSequence() == 0) ? Optional.of(event)
					: this.markings.marked(event);
			applied.ifPresent((marking) -> whenReceived(marking.eventId(), marking.complaintId(), marking));
		});
	}

	@KafkaListener(topics = Topics.STATUS_UPDATED)
	void on(StatusUpdated event) {
		this.processed.once(event.eventId(), Topics.STATUS_UPDATED, () -> {
			this.markings.decided(event)
				.ifPresent((marking) -> whenReceived(marking.eventId(), marking.complaintId(), marking));
			whenReceived(event.eventId(), event.complaintId(), event);
		});
	}

	@KafkaListener(topics = Topics.ONE_TIME_CODE_ISSUED)
	void on(OneTimeCodeIssued event) {
		this.processed.once(event.eventId(), Topics.ONE_TIME_CODE_ISSUED,
				() -> whenReceived(event.eventId(), event.complaintId(), event));
	}

	@KafkaListener(topics = Topics.DEADLINE_NEARED)
	void on(DeadlineNeared event) {
		this.processed.once(event.eventId(), Topics.DEADLINE_NEARED,
				() -> whenReceived(event.eventId(), event.complaintId(), event));
	}

	@KafkaListener(topics = Topics.DEADLINE_BREACHED)
	void on(DeadlineBreached event) {
		this.processed.once(event.eventId(), Topics.DEADLINE_BREACHED, () -> {
			String department = this.offices.find(event.departmentCode())
				.map(OfficeDirectory.Office::name)
				.orElse(event.departmentCode());
			this.queue.enqueue(event.eventId(), event.complaintId(), this.messages.deadlineBreached(event, department));
			ApplicantContact contact = this.mongo.findById(event.complaintId(), ApplicantContact.class);
			if (this.digest.enabled() && contact != null && contact.departmentEmail() != null) {
				this.digest.add(event.eventId(), contact.departmentEmail(), department,
						"समय-सीमा पार / overdue: " + event.complaintId() + " — was due " + event.dueDate());
			}
		});
	}

	/**
	 * Handles an event about an item whose receipt has been handled; otherwise keeps it
	 * until the receipt arrives (events of one item on different topics may overtake each
	 * other). If the receipt was handled while the event was being kept, it is released
	 * at once.
	 */
	private void whenReceived(String eventId, String complaintId, Record event) {
		if (this.early.knows(complaintId)) {
			handle(event);
			return;
		}
		this.early.keep(eventId, complaintId, event);
		if (this.early.knows(complaintId)) {
			this.early.release(complaintId, this::handle);
		}
	}

	private void handle(Record event) {
		if (event instanceof ComplaintRouted routed) {
			routed(routed);
		}
		else if (event instanceof StatusUpdated status) {
			this.queue.enqueue(status.eventId(), status.complaintId(),
					this.messages.statusUpdated(status, contact(status.complaintId())));
		}
		else if (event instanceof OneTimeCodeIssued code) {
			this.queue.enqueue(code.eventId(), code.complaintId(),
					this.messages.oneTimeCode(code, contact(code.complaintId()), this.links.open(code.sealedCode())));
		}
		else if (event instanceof DeadlineNeared neared) {
			deadlineNeared(neared);
		}
		else {
			throw new IllegalArgumentException("Not an event that waits for a receipt: " + event);
		}
	}

	private void routed(ComplaintRouted event) {
		ApplicantContact contact = contact(event.complaintId());
		String officerEmail = (event.departmentEmail() != null) ? event.departmentEmail()
				: this.offices.email(event.departmentCode()).orElse(null);
		this.mongo.save(contact.markedTo(event.departmentCode(), officerEmail));
		List<String> copies = (event.copyDepartmentCodes() != null)
				? event.copyDepartmentCodes().stream().flatMap((code) -> this.offices.email(code).stream()).toList()
				: List.of();
		List<Message> all = this.messages.routed(event, contact, copies);
		queueOrGather(event.eventId(), event.complaintId(), all, "चिह्नित / marked: " + event.complaintId() + " — "
				+ contact.subject() + ((event.dueDate() != null) ? " (due " + event.dueDate() + ")" : ""));
	}

	private void deadlineNeared(DeadlineNeared event) {
		ApplicantContact contact = contact(event.complaintId());
		Optional<OfficeDirectory.Office> office = this.offices.find(event.departmentCode());
		String email = (contact.departmentEmail() != null) ? contact.departmentEmail()
				: this.offices.email(event.departmentCode()).orElse(null);
		List<Message> reminder = this.messages.deadlineNeared(event, email,
				office.map(OfficeDirectory.Office::name).orElse(event.departmentCode()));
		queueOrGather(event.eventId(), event.complaintId(), reminder, "निकट / due soon: " + event.complaintId()
				+ " — due " + event.dueDate() + ", " + event.workingDaysLeft() + " working days left");
	}

	/** Officers' mails go into their daily digest when it is on; the rest is queued. */
	private void queueOrGather(String eventId, String complaintId, List<Message> messages, String line) {
		List<Message> now = new ArrayList<>();
		for (Message message : messages) {
			if (this.digest.enabled() && "OFFICER".equals(message.audience())) {
				this.digest.add(eventId + ":" + message.to(), message.to(),
						message.values().getOrDefault("department", ""), line);
			}
			else {
				now.add(message);
			}
		}
		this.queue.enqueue(eventId, complaintId, now);
	}

	/** The applicant's contact, kept from the receipt: handlers run once it is there. */
	private ApplicantContact contact(String complaintId) {
		return Optional.ofNullable(this.mongo.findById(complaintId, ApplicantContact.class))
			.orElseThrow(() -> new IllegalStateException("No contact yet for " + complaintId));
	}

}
