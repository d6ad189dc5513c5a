package org.dak.notification.dispatch;

import org.dak.contracts.ComplaintReceived;
import org.dak.contracts.ComplaintRouted;
import org.dak.contracts.StatusUpdated;
import org.dak.contracts.Topics;
import org.dak.support.events.ProcessedEvents;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Turns each complaint event into the messages it calls for.
 */
@Component
class ComplaintEventsListener {

	private final Dispatcher dispatcher;

	private final Messages messages;

	private final ProcessedEvents processed;

	ComplaintEventsListener(Dispatcher dispatcher, Messages messages, ProcessedEvents processed) {
		this.dispatcher = dispatcher;
		this.messages = messages;
		this.processed = processed;
	}

	@KafkaListener(topics = Topics.COMPLAINT_RECEIVED)
	void on(ComplaintReceived event) {
		this.processed.once(event.eventId(), Topics.COMPLAINT_RECEIVED, () -> {
			ApplicantContact contact = new ApplicantContact(event.complaintId(), event.applicant().name(),
					event.applicant().mobile(), event.applicant().email(), event.applicant().preferredLanguage(),
					event.trackingUrl());
			this.dispatcher.remember(contact);
			this.dispatcher.dispatch(event.eventId(), event.complaintId(), this.messages.received(event, contact));
		});
	}

	@KafkaListener(topics = Topics.COMPLAINT_ROUTED)
	void on(ComplaintRouted event) {
		this.processed.once(event.eventId(), Topics.COMPLAINT_ROUTED, () -> this.dispatcher.dispatch(event.eventId(),
				event.complaintId(), this.messages.routed(event, contact(event.complaintId()))));
	}

	@KafkaListener(topics = Topics.STATUS_UPDATED)
	void on(StatusUpdated event) {
		this.processed.once(event.eventId(), Topics.STATUS_UPDATED, () -> this.dispatcher.dispatch(event.eventId(),
				event.complaintId(), this.messages.statusUpdated(event, contact(event.complaintId()))));
	}

	/**
	 * The applicant's contact. Events of one item on different topics may overtake each
	 * other; if the receipt has not been handled yet, failing here makes the record be
	 * retried (with backoff) until it has.
	 */
	private ApplicantContact contact(String complaintId) {
		return this.dispatcher.contact(complaintId)
			.orElseThrow(() -> new IllegalStateException("No contact yet for " + complaintId));
	}

}
