package org.dak.gateway.limits;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Counts requests per key in fixed windows, in memory: a request costs no database round
 * trip. With {@code shared} set, every gateway instance on the same database adds what it
 * counted to a shared count once per {@code sync-interval} (one find-and-modify per key
 * that had requests, however many) and counts on from the shared total it gets back; an
 * address spread over several instances may then pass a few more than its limit within
 * one interval.
 */
@Component
class FixedWindowCounter {

	static final String COLLECTION = "rate_limits";

	private static final Logger log = LoggerFactory.getLogger(FixedWindowCounter.class);

	private final ReactiveMongoTemplate mongo;

	private final boolean shared;

	private final Map<String, Window> windows = new ConcurrentHashMap<>();

	FixedWindowCounter(ReactiveMongoTemplate mongo, RateLimitProperties properties) {
		this.mongo = mongo;
		this.shared = properties.shared();
	}

	/** What a count says: the count so far in this window, and when the window ends. */
	record Count(long count, Instant windowEnds) {
	}

	/**
	 * One key's window: what other instances had counted at the last sync, and ours
	 * since.
	 */
	private static final class Window {

		final Instant ends;

		final AtomicLong others = new AtomicLong();

		final AtomicLong ours = new AtomicLong();

		final AtomicLong unsynced = new AtomicLong();

		Window(Instant ends) {
			this.ends = ends;
		}

	}

	Mono<Count> increment(String key, Duration window) {
		long windowMillis = window.toMillis();
		long start = (System.currentTimeMillis() / windowMillis) * windowMillis;
		Window counted = this.windows.computeIfAbsent(key + "@" + start,
				(id) -> new Window(Instant.ofEpochMilli(start + windowMillis)));
		long ours = counted.ours.incrementAndGet();
		counted.unsynced.incrementAndGet();
		return Mono.just(new Count(counted.others.get() + ours, counted.ends));
	}

	/**
	 * Adds this instance's new counts to the shared ones and learns the others'; forgets
	 * windows that have ended.
	 */
	@Scheduled(fixedDelayString = "${dak.gateway.rate-limits.sync-interval:1s}")
	void sync() {
		Instant now = Instant.now();
		this.windows.entrySet().removeIf((entry) -> entry.getValue().ends.isBefore(now));
		if (!this.shared) {
			return;
		}
		List<Mono<Void>> updates = new ArrayList<>();
		this.windows.forEach((id, window) -> {
			long delta = window.unsynced.getAndSet(0);
			if (delta == 0) {
				return;
			}
			updates.add(this.mongo
				.findAndModify(Query.query(Criteria.where("_id").is(id)),
						new Update().inc("count", delta).setOnInsert("expiresAt", window.ends),
						FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION)
				.doOnNext((document) -> window.others
					.set(((Number) document.get("count")).longValue() - window.ours.get()))
				.doOnError((ex) -> window.unsynced.addAndGet(delta))
				.then());
		});
		Flux.mergeDelayError(8, updates.toArray(Mono[]::new))
			.then()
			.doOnError((ex) -> log.warn("Rate-limit counts not shared this time: {}", ex.toString()))
			.onErrorComplete()
			.block(Duration.ofSeconds(10));
	}

	@Scheduled(fixedDelay = 60_000)
	void sweep() {
		if (this.shared) {
			this.mongo.remove(Query.query(Criteria.where("expiresAt").lt(Instant.now().minusSeconds(60))), COLLECTION)
				.subscribe();
		}
	}

}
