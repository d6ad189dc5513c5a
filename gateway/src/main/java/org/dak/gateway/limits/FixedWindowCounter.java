package org.dak.gateway.limits;

import java.time.Duration;
import java.time.Instant;

import org.bson.Document;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Counts requests per key in fixed windows with one atomic find-and-modify per request,
 * shared by every gateway instance on the same database. Old windows are swept away.
 */
@Component
class FixedWindowCounter {

	static final String COLLECTION = "rate_limits";

	private final ReactiveMongoTemplate mongo;

	FixedWindowCounter(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** What a count says: the count so far in this window, and when the window ends. */
	record Count(long count, Instant windowEnds) {
	}

	Mono<Count> increment(String key, Duration window) {
		long windowMillis = window.toMillis();
		long start = (System.currentTimeMillis() / windowMillis) * windowMillis;
		Instant ends = Instant.ofEpochMilli(start + windowMillis);
		return this.mongo
			.findAndModify(Query.query(Criteria.where("_id").is(key + "@" + start)),
					new Update().inc("count", 1L).setOnInsert("expiresAt", ends),
					FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION)
			.map((document) -> new Count(((Number) document.get("count")).longValue(), ends));
	}

	@Scheduled(fixedDelay = 60_000)
	void sweep() {
		this.mongo.remove(Query.query(Criteria.where("expiresAt").lt(Instant.now().minusSeconds(60))), COLLECTION)
			.subscribe();
	}

}
