package org.dak.gateway.audit;

import java.time.Instant;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Appends to the audit trail and reads it back. Only inserts: nothing here updates or
 * deletes an entry.
 */
@Service
public class AuditTrail {

	private final ReactiveMongoTemplate mongo;

	AuditTrail(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	public Mono<Void> record(String actor, String action, String outcome, String clientAddress, String requestId) {
		return this.mongo
			.insert(new AuditEntry(UUID.randomUUID().toString(), Instant.now(), actor, action, outcome, clientAddress,
					requestId))
			.then();
	}

	Flux<AuditEntry> find(String actor, Instant from, Instant to, int page, int size) {
		Criteria criteria = new Criteria();
		if (actor != null) {
			criteria = criteria.and("actor").is(actor);
		}
		if (from != null || to != null) {
			Criteria at = criteria.and("at");
			if (from != null) {
				at = at.gte(from);
			}
			if (to != null) {
				at = at.lt(to);
			}
		}
		Query query = Query.query(criteria)
			.with(Sort.by(Sort.Direction.DESC, "at"))
			.skip((long) page * size)
			.limit(size);
		return this.mongo.find(query, AuditEntry.class);
	}

}
