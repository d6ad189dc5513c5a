package org.dak.notification.dispatch;

import java.time.Instant;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.dak.contracts.ComplaintRouted;
import org.dak.contracts.StatusUpdated;
import org.dak.support.events.EventJson;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * A marking is news only once tracking, the owner of the item's state, has applied it:
 * the DM's desk may mark an item a department has just disposed of, and tracking then
 * refuses the marking. So each {@code complaint-routed} is held, by item and decision
 * number, until tracking's word on it ({@code status-updated} {@code MARKED}, or the step
 * {@code MARKING_REFUSED}) has arrived too, in whichever order the two topics deliver
 * them; only a confirmed marking is told to the applicant and the office. Keyed by
 * {@code _id}, one small document per marking.
 */
@Component
class MarkingOutcomes {

	static final String COLLECTION = "marking_outcomes";

	private final MongoTemplate mongo;

	private final MeterRegistry meters;

	MarkingOutcomes(MongoTemplate mongo, MeterRegistry meters) {
		this.mongo = mongo;
		this.meters = meters;
	}

	/**
	 * Holds a marking; if tracking's word on it is already here, returns the marking to
	 * announce (empty if it was refused).
	 */
	Optional<ComplaintRouted> marked(ComplaintRouted event) {
		return settle(merge(key(event.complaintId(), event.markingSequence()),
				new Update().set("routed", EventJson.write(event))));
	}

	/**
	 * Records tracking's word on a marking; if the marking itself is already here,
	 * returns it to announce (empty if it was refused, or if the status says nothing of a
	 * marking).
	 */
	Optional<ComplaintRouted> decided(StatusUpdated event) {
		boolean applied = "MARKED".equals(event.status()) && event.step() == null;
		boolean refused = "MARKING_REFUSED".equals(event.step());
		if (event.markingSequence() == 0 || !(applied || refused)) {
			return Optional.empty();
		}
		return settle(merge(key(event.complaintId(), event.markingSequence()),
				new Update().set("outcome", applied ? "APPLIED" : "REFUSED")));
	}

	private Document merge(String id, Update update) {
		return this.mongo.findAndModify(Query.query(Criteria.where("_id").is(id)),
				update.setOnInsert("createdAt", Instant.now()),
				FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION);
	}

	private Optional<ComplaintRouted> settle(Document held) {
		if (held.getString("routed") == null || held.getString("outcome") == null) {
			return Optional.empty();
		}
		if ("REFUSED".equals(held.getString("outcome"))) {
			this.meters.counter("dak.notifications.markings", "outcome", "refused").increment();
			return Optional.empty();
		}
		return Optional.of(EventJson.read(held.getString("routed"), ComplaintRouted.class));
	}

	private static String key(String complaintId, long markingSequence) {
		return complaintId + ":" + markingSequence;
	}

}
