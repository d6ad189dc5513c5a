package org.dak.intake.complaint;

import java.util.List;

import org.bson.Document;
import org.dak.contracts.ComplaintRouted;
import org.dak.contracts.StatusUpdated;
import org.dak.contracts.Topics;
import org.dak.platform.Roles;
import org.dak.support.events.ProcessedEvents;
import org.dak.support.security.DakUser;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Who may open an item's files: the receipt desk and the DM's office always; a department
 * officer while the item is marked (or copied) to their department, exactly as tracking
 * shows it. Tracking decides whether a marking takes effect, so access follows tracking's
 * {@code MARKED} and {@code RECALLED} on {@code status-updated}; the copies come with
 * routing's {@code complaint-routed} of the same marking number, in whichever order the
 * two topics deliver them. One small document per marked item ({@value #COLLECTION}, by
 * {@code _id}); an older marking's news that arrives late changes nothing.
 */
@Component
class ItemAccess {

	static final String COLLECTION = "item_access";

	private final MongoTemplate mongo;

	private final ProcessedEvents processed;

	ItemAccess(MongoTemplate mongo, ProcessedEvents processed) {
		this.mongo = mongo;
		this.processed = processed;
	}

	/** Routing's marking, with its copies: kept until tracking says it took effect. */
	@KafkaListener(topics = Topics.COMPLAINT_ROUTED)
	void on(ComplaintRouted event) {
		this.processed.once(event.eventId(), Topics.COMPLAINT_ROUTED,
				() -> this.mongo.upsert(byId(event.complaintId()),
						new Update().set("copiesOf." + event.markingSequence(),
								(event.copyDepartmentCodes() != null) ? event.copyDepartmentCodes() : List.of()),
						COLLECTION));
	}

	/** Tracking's word: a marking took effect, or the item was recalled. */
	@KafkaListener(topics = Topics.STATUS_UPDATED)
	void on(StatusUpdated event) {
		boolean marked = "MARKED".equals(event.status()) && event.step() == null;
		boolean recalled = "RECALLED".equals(event.status()) && event.step() == null;
		if (!marked && !recalled) {
			return;
		}
		this.processed.once(event.eventId(), Topics.STATUS_UPDATED, () -> {
			Document current = this.mongo.findById(event.complaintId(), Document.class, COLLECTION);
			if (current != null && current.get("sequence") instanceof Number sequence
					&& sequence.longValue() > event.markingSequence()) {
				return;
			}
			this.mongo.upsert(byId(event.complaintId()),
					new Update().set("department", marked ? event.departmentCode() : null)
						.set("sequence", event.markingSequence())
						.set("recalled", recalled),
					COLLECTION);
		});
	}

	private static Query byId(String complaintId) {
		return Query.query(Criteria.where("_id").is(complaintId));
	}

	boolean mayOpen(String complaintId, DakUser user) {
		if (user.has(Roles.RECEIPT_DESK) || user.has(Roles.DM)) {
			return true;
		}
		if (!user.has(Roles.DEPARTMENT_OFFICER) || user.department() == null) {
			return false;
		}
		Document access = this.mongo.findById(complaintId, Document.class, COLLECTION);
		if (access == null || Boolean.TRUE.equals(access.getBoolean("recalled"))
				|| !(access.get("sequence") instanceof Number sequence)) {
			return false;
		}
		Document copiesOf = access.get("copiesOf", Document.class);
		List<?> copies = (copiesOf != null) ? copiesOf.get(String.valueOf(sequence.longValue()), List.class) : null;
		return user.department().equals(access.getString("department"))
				|| (copies != null && copies.contains(user.department()));
	}

}
