package org.dak.notification.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dak.contracts.ComplaintRecalled;
import org.dak.contracts.ComplaintReceived;
import org.dak.contracts.ComplaintRouted;
import org.dak.contracts.DeadlineBreached;
import org.dak.contracts.DeadlineNeared;
import org.dak.contracts.StatusUpdated;
import org.dak.contracts.Topic;
import org.dak.contracts.Topics;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps each event a subscriber wants as a delivery, in its own consumer group (a slow or
 * failing subscriber never holds up the applicants' messages). What goes out is only what
 * any role may see of an item: IDs, statuses, departments and dates.
 */
@Component
class WebhookEvents {

	/** The event types a subscriber may ask for. */
	static final Set<String> TYPES = Set.of(Topic.COMPLAINT_RECEIVED.eventType(), Topic.COMPLAINT_ROUTED.eventType(),
			Topic.COMPLAINT_RECALLED.eventType(), Topic.STATUS_UPDATED.eventType(), Topic.DEADLINE_NEARED.eventType(),
			Topic.DEADLINE_BREACHED.eventType());

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final MongoTemplate mongo;

	private final Clock clock = Clock.systemUTC();

	private final WebhookQueue queue;

	WebhookEvents(MongoTemplate mongo, WebhookQueue queue) {
		this.mongo = mongo;
		this.queue = queue;
	}

	@KafkaListener(id = "webhooks", groupId = "${spring.application.name}-webhooks",
			topics = { Topics.COMPLAINT_RECEIVED, Topics.COMPLAINT_ROUTED, Topics.COMPLAINT_RECALLED,
					Topics.STATUS_UPDATED, Topics.DEADLINE_NEARED, Topics.DEADLINE_BREACHED })
	void on(Record event) {
		Map<String, Object> data = new LinkedHashMap<>();
		Set<String> departments = new LinkedHashSet<>();
		String eventId;
		String complaintId;
		Instant occurredAt;
		if (event instanceof ComplaintReceived received) {
			eventId = received.eventId();
			complaintId = received.complaintId();
			occurredAt = received.occurredAt();
			data.put("receiptNumber", received.receiptNumber());
			data.put("channel", received.channel());
			data.put("category", received.category());
		}
		else if (event instanceof ComplaintRouted routed) {
			eventId = routed.eventId();
			complaintId = routed.complaintId();
			occurredAt = routed.occurredAt();
			departments.add(routed.departmentCode());
			departments.addAll((routed.copyDepartmentCodes() != null) ? routed.copyDepartmentCodes() : List.of());
			data.put("departmentCode", routed.departmentCode());
			data.put("dueDate", routed.dueDate());
			data.put("copyDepartmentCodes", routed.copyDepartmentCodes());
		}
		else if (event instanceof ComplaintRecalled recalled) {
			eventId = recalled.eventId();
			complaintId = recalled.complaintId();
			occurredAt = recalled.occurredAt();
			departments.add(recalled.departmentCode());
			data.put("departmentCode", recalled.departmentCode());
		}
		else if (event instanceof StatusUpdated updated) {
			eventId = updated.eventId();
			complaintId = updated.complaintId();
			occurredAt = updated.occurredAt();
			departments.add(updated.departmentCode());
			data.put("status", updated.status());
			data.put("previousStatus", updated.previousStatus());
			data.put("departmentCode", updated.departmentCode());
			data.put("step", updated.step());
		}
		else if (event instanceof DeadlineNeared neared) {
			eventId = neared.eventId();
			complaintId = neared.complaintId();
			occurredAt = neared.occurredAt();
			departments.add(neared.departmentCode());
			data.put("departmentCode", neared.departmentCode());
			data.put("dueDate", neared.dueDate());
			data.put("workingDaysLeft", neared.workingDaysLeft());
		}
		else if (event instanceof DeadlineBreached breached) {
			eventId = breached.eventId();
			complaintId = breached.complaintId();
			occurredAt = breached.occurredAt();
			departments.add(breached.departmentCode());
			data.put("departmentCode", breached.departmentCode());
			data.put("dueDate", breached.dueDate());
			data.put("status", breached.status());
		}
		else {
			return;
		}
		departments.remove(null);
		data.values().removeIf((value) -> value == null);
		data.put("complaintId", complaintId);
		String type = Topic.carrying(event.getClass()).eventType();
		Map<String, Object> cloudEvent = new LinkedHashMap<>();
		cloudEvent.put("specversion", "1.0");
		cloudEvent.put("id", eventId);
		cloudEvent.put("type", type);
		cloudEvent.put("source", "/dak");
		cloudEvent.put("subject", complaintId);
		cloudEvent.put("time", occurredAt.toString());
		cloudEvent.put("datacontenttype", "application/json");
		cloudEvent.put("data", data);
		String body = JSON.writeValueAsString(cloudEvent);
		Instant now = this.clock.instant();
		for (Subscriber subscriber : this.mongo.findAll(Subscriber.class)) {
			if (subscriber.wants(type, departments)) {
				this.queue.keep(new WebhookDelivery(WebhookDelivery.idOf(subscriber.id(), eventId), subscriber.id(),
						eventId, type, complaintId, occurredAt, body, WebhookDelivery.Status.PENDING, 0, now, null,
						null, now, null, null));
			}
		}
	}

}
