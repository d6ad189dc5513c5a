package org.dak.gateway.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Appends to the audit trail and reads it back. Only inserts: nothing here updates or
 * deletes an entry.
 * <p>
 * A request does not wait for its entry: entries are written together, a few times a
 * second, in one insert (a database round trip per request had been half of what the
 * gateway cost a submission). An entry waits in memory until it is written; a database
 * that is down keeps them waiting (and counted, {@code dak_audit_pending}), a clean stop
 * writes them first; only a crash of the gateway loses what it had not written yet, at
 * most {@code flush-interval} of calls.
 */
@Service
public class AuditTrail implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

	private static final int BATCH = 1000;

	private final ReactiveMongoTemplate mongo;

	private final ConcurrentLinkedDeque<AuditEntry> pending = new ConcurrentLinkedDeque<>();

	AuditTrail(ReactiveMongoTemplate mongo, MeterRegistry meters) {
		this.mongo = mongo;
		Gauge.builder("dak.audit.pending", this.pending, ConcurrentLinkedDeque::size)
			.description("Audit entries not written yet")
			.register(meters);
	}

	public Mono<Void> record(String actor, String action, String outcome, String clientAddress, String requestId) {
		return Mono.fromRunnable(() -> this.pending.add(new AuditEntry(UUID.randomUUID().toString(), Instant.now(),
				actor, action, outcome, clientAddress, requestId)));
	}

	/**
	 * Writes what is waiting, a batch at a time; a batch that fails waits for the next.
	 */
	@Scheduled(fixedDelayString = "${dak.gateway.audit.flush-interval:200ms}")
	void flush() {
		while (!this.pending.isEmpty()) {
			List<AuditEntry> batch = new ArrayList<>(BATCH);
			AuditEntry next;
			while (batch.size() < BATCH && (next = this.pending.poll()) != null) {
				batch.add(next);
			}
			try {
				this.mongo.insertAll(batch).then().block(Duration.ofSeconds(30));
			}
			catch (RuntimeException ex) {
				if (!written(batch)) {
					for (int i = batch.size() - 1; i >= 0; i--) {
						this.pending.addFirst(batch.get(i));
					}
					log.warn("{} audit entries wait for the database: {}", this.pending.size(), ex.toString());
					return;
				}
			}
		}
	}

	/**
	 * After a failed insert: whether the whole batch got written all the same (the IDs
	 * are ours); if only part of it was, the batch keeps only the rest.
	 */
	private boolean written(List<AuditEntry> batch) {
		try {
			List<String> ids = batch.stream().map(AuditEntry::id).toList();
			Set<String> there = new HashSet<>(
					this.mongo.find(Query.query(Criteria.where("_id").in(ids)), AuditEntry.class)
						.map(AuditEntry::id)
						.collectList()
						.block(Duration.ofSeconds(30)));
			batch.removeIf((entry) -> there.contains(entry.id()));
			return batch.isEmpty();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	@Override
	public void destroy() {
		flush();
		if (!this.pending.isEmpty()) {
			log.error("{} audit entries could not be written before the stop", this.pending.size());
		}
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
