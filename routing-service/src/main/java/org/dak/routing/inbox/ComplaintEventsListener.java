package org.dak.routing.inbox;

import org.dak.contracts.ComplaintReceived;
import org.dak.contracts.DeadlineBreached;
import org.dak.contracts.StatusUpdated;
import org.dak.contracts.Topics;
import org.dak.support.events.ProcessedEvents;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the inbox from the topics: received items arrive, tracking's word on each item's
 * status keeps the desk true (returned, recalled and reopened items come back), overdue
 * items are escalated.
 */
@Component
class ComplaintEventsListener {

	private final Inbox inbox;

	private final ProcessedEvents processed;

	ComplaintEventsListener(Inbox inbox, ProcessedEvents processed) {
		this.inbox = inbox;
		this.processed = processed;
	}

	@KafkaListener(topics = Topics.COMPLAINT_RECEIVED)
	void on(ComplaintReceived event) {
		this.processed.once(event.eventId(), Topics.COMPLAINT_RECEIVED, () -> this.inbox.receive(event));
	}

	@KafkaListener(topics = Topics.DEADLINE_BREACHED)
	void on(DeadlineBreached event) {
		this.processed.once(event.eventId(), Topics.DEADLINE_BREACHED, () -> this.inbox.escalated(event));
	}

	@KafkaListener(topics = Topics.STATUS_UPDATED)
	void on(StatusUpdated event) {
		this.processed.once(event.eventId(), Topics.STATUS_UPDATED, () -> this.inbox.statusChanged(event));
	}

}
