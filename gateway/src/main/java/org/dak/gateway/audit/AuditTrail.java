package org.dak.gateway.audit;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
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
 * A request does not wait for its entry to reach the database: entries are written
 * together, a few times a second, in one insert (a database round trip per request had
 * been half of what the gateway cost a submission). Until then an entry waits in memory
 * and in this instance's journal ({@link AuditJournal}), so a crash of the gateway loses
 * none: the next start writes what the journal holds. At most {@code max-pending} entries
 * wait (a database that is down keeps them waiting, counted as
 * {@code dak_audit_pending}); beyond that a state-changing call is refused with 503 and
 * {@code Retry-After} before it is carried out ({@link #hasRoom()}), never carried out
 * unaudited.
 */
@Service
@EnableConfigurationProperties(AuditProperties.class)
public class AuditTrail implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

	private static final int BATCH = 1000;

	private final ReactiveMongoTemplate mongo;

	private final ConcurrentLinkedDeque<AuditEntry> pending = new ConcurrentLinkedDeque<>();

	/**
	 * How many entries wait: {@link ConcurrentLinkedDeque#size()} counts them one by one.
	 */
	private final AtomicInteger waiting = new AtomicInteger();

	private final AuditProperties properties;

	private final AuditJournal journal;

	private final Counter refused;

	AuditTrail(ReactiveMongoTemplate mongo, MeterRegistry meters, AuditProperties properties) {
		this.mongo = mongo;
		this.properties = properties;
		this.journal = new AuditJournal(properties.journal());
		List<AuditEntry> leftOver = this.journal.leftOver();
		this.pending.addAll(leftOver);
		this.waiting.set(leftOver.size());
		if (!leftOver.isEmpty()) {
			log.warn("{} audit entries a previous run had not written are written now, from {}", leftOver.size(),
					properties.journal());
		}
		Gauge.builder("dak.audit.pending", this.waiting, AtomicInteger::get)
			.description("Audit entries not written yet")
			.register(meters);
		this.refused = Counter.builder("dak.audit.refused")
			.description("State-changing calls refused because too many audit entries were waiting")
			.register(meters);
	}

	public Mono<Void> record(String actor, String action, String outcome, String clientAddress, String requestId) {
		return Mono.fromRunnable(() -> {
			AuditEntry entry = new AuditEntry(UUID.randomUUID().toString(), Instant.now(), actor, action, outcome,
					clientAddress, requestId);
			this.journal.append(entry, () -> {
				this.waiting.incrementAndGet();
				this.pending.add(entry);
			});
		});
	}

	/**
	 * Whether another state-changing call may go ahead: false once {@code max-pending}
	 * entries wait for the database (the refusal is counted).
	 */
	public boolean hasRoom() {
		if (this.waiting.get() < this.properties.maxPending()) {
			return true;
		}
		this.refused.increment();
		return false;
	}

	Duration retryAfter() {
		return this.properties.retryAfter();
	}

	/**
	 * Writes what is waiting, a batch at a time; a batch that fails waits for the next.
	 * Once everything that waited is written, the journal's older files go.
	 */
	@Scheduled(fixedDelayString = "${dak.gateway.audit.flush-interval:200ms}")
	synchronized void flush() {
		if (this.pending.isEmpty()) {
			return;
		}
		// what is appended from now on goes to a new file, which stays
		List<Path> journalled = this.journal.roll();
		while (!this.pending.isEmpty()) {
			List<AuditEntry> batch = new ArrayList<>(BATCH);
			AuditEntry next;
			while (batch.size() < BATCH && (next = this.pending.poll()) != null) {
				batch.add(next);
			}
			int taken = batch.size();
			try {
				this.mongo.insertAll(batch).then().block(Duration.ofSeconds(30));
			}
			catch (RuntimeException ex) {
				if (!written(batch)) {
					for (int i = batch.size() - 1; i >= 0; i--) {
						this.pending.addFirst(batch.get(i));
					}
					this.waiting.addAndGet(batch.size() - taken);
					log.warn("{} audit entries wait for the database: {}", this.waiting.get(), ex.toString());
					return;
				}
			}
			this.waiting.addAndGet(-taken);
		}
		// the entries of these files were all waiting when they were rolled, and are
		// written now
		this.journal.delete(journalled);
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
		this.journal.close();
		if (!this.pending.isEmpty()) {
			log.error("{} audit entries could not be written before the stop; they are kept in {} for the next start",
					this.waiting.get(), this.properties.journal());
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
