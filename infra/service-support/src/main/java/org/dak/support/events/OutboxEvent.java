package org.dak.support.events;

import java.time.Instant;
import java.util.UUID;

import org.dak.contracts.Topic;

/**
 * An event waiting inside its aggregate's document until the relay has published it. It
 * is written in the same single-document write as the change it announces, so a change is
 * never stored without its event, nor an event sent for a change that was not stored.
 *
 * @param eventId the event's ID ({@code ce_id})
 * @param topic the topic it goes to
 * @param eventType its CloudEvents type
 * @param key the record key: the complaint ID
 * @param payload its JSON body
 * @param occurredAt when it happened ({@code ce_time})
 * @param publishedAt when the broker acknowledged it, {@code null} while pending
 * @param setAsideAt when the relay set it aside because the broker refused it for good
 * (too large, an invalid topic): it waits for an operator, and the others flow on
 * @param setAsideReason why
 * @param traceparent the trace of whatever wrote it (W3C {@code traceparent}), continued
 * when it is published; {@code null} outside a trace
 */
public record OutboxEvent(String eventId, String topic, String eventType, String key, String payload,
		Instant occurredAt, Instant publishedAt, Instant setAsideAt, String setAsideReason, String traceparent) {

	/**
	 * A pending outbox entry for one of the contract events.
	 * @param event a record from {@code org.dak.contracts}
	 * @param complaintId its key
	 * @param eventId its ID, as carried in the record
	 * @param occurredAt when it happened, as carried in the record
	 */
	public static OutboxEvent pending(Record event, String complaintId, String eventId, Instant occurredAt) {
		Topic topic = Topic.carrying(event.getClass());
		return new OutboxEvent(eventId, topic.topicName(), topic.eventType(), complaintId, EventJson.write(event),
				occurredAt, null, null, null, TraceParent.current());
	}

	/** A new random event ID. */
	public static String newEventId() {
		return UUID.randomUUID().toString();
	}

}
