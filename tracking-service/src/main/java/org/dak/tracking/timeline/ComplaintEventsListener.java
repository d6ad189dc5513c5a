package org.dak.tracking.timeline;

import org.dak.tracking.complaintcase.CaseMessages;
import org.dak.contracts.ComplaintRecalled;
import org.dak.contracts.ComplaintReceived;
import org.dak.contracts.ComplaintRouted;
import org.dak.contracts.NotificationDispatched;
import org.dak.contracts.Topics;
import org.dak.support.events.ProcessedEvents;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Builds the timelines from the topics. Status changes are written here first and then
 * announced, so {@code status-updated} needs no listener of its own.
 */
@Component
class ComplaintEventsListener {

	private final Cases cases;

	private final ProcessedEvents processed;

	private final CaseMessages messages;

	ComplaintEventsListener(Cases cases, ProcessedEvents processed, CaseMessages messages) {
		this.messages = messages;
		this.cases = cases;
		this.processed = processed;
	}

	@KafkaListener(topics = Topics.COMPLAINT_RECEIVED)
	void on(ComplaintReceived event) {
		this.processed.once(event.eventId(), Topics.COMPLAINT_RECEIVED, () -> this.cases.apply(event));
	}

	@KafkaListener(topics = Topics.COMPLAINT_RECALLED)
	void on(ComplaintRecalled event) {
		this.processed.once(event.eventId(), Topics.COMPLAINT_RECALLED, () -> this.cases.apply(event));
	}

	@KafkaListener(topics = Topics.NOTIFICATION_DISPATCHED)
	void on(NotificationDispatched event) {
		this.processed.once(event.eventId(), Topics.NOTIFICATION_DISPATCHED, () -> this.messages.apply(event));
	}

	@KafkaListener(topics = Topics.COMPLAINT_ROUTED)
	void on(ComplaintRouted event) {
		this.processed.once(event.eventId(), Topics.COMPLAINT_ROUTED, () -> this.cases.apply(event));
	}

}
