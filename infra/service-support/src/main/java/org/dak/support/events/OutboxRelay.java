package org.dak.support.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Publishes the events waiting in the aggregates' outboxes, oldest first per document,
 * and marks each one published once the broker has acknowledged it. While Kafka is down
 * the events simply wait (the services keep accepting work) and the circuit breaker keeps
 * the relay from hammering the broker; they flow as soon as it is back. A crash between
 * sending and marking sends the event again: consumers de-duplicate on the event ID.
 */
class OutboxRelay {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	private final MongoTemplate mongo;

	private final KafkaTemplate<Object, Object> kafka;

	private final OutboxProperties properties;

	private final CircuitBreaker circuitBreaker;

	private final String source;

	private final Counter published;

	private final Counter failed;

	private final MeterRegistry meters;

	OutboxRelay(MongoTemplate mongo, KafkaTemplate<Object, Object> kafka, OutboxProperties properties,
			CircuitBreaker circuitBreaker, String source, MeterRegistry meters) {
		this.mongo = mongo;
		this.kafka = kafka;
		this.properties = properties;
		this.circuitBreaker = circuitBreaker;
		this.source = source;
		this.published = meters.counter("dak.outbox.published");
		this.failed = meters.counter("dak.outbox.failures");
		this.meters = meters;
	}

	@Scheduled(fixedDelayString = "${dak.outbox.poll-interval:500ms}", initialDelayString = "1s")
	void relay() {
		for (String collection : this.properties.collections()) {
			try {
				relay(collection);
			}
			catch (CallNotPermittedException ex) {
				log.debug("Kafka circuit open; outbox events of {} wait", collection);
				return;
			}
			catch (RuntimeException ex) {
				// the broker is away or slow: this collection's events wait for the next
				// round; the other collections are still tried
				this.failed.increment();
				log.warn("Outbox events of {} could not be published yet: {}", collection, ex.toString());
			}
		}
	}

	/**
	 * Publishes what is pending in one collection.
	 * @return how many events were published
	 */
	int relay(String collection) {
		Query pending = Query
			.query(Criteria.where("outbox")
				.elemMatch(Criteria.where("publishedAt").is(null).and("setAsideAt").is(null)))
			.limit(this.properties.batchSize());
		int count = 0;
		for (Document document : this.mongo.find(pending, Document.class, collection)) {
			List<Document> outbox = document.getList("outbox", Document.class);
			for (Document event : outbox) {
				if (event.get("publishedAt") != null || event.get("setAsideAt") != null) {
					continue;
				}
				try {
					this.circuitBreaker.executeRunnable(() -> send(event));
				}
				catch (RefusedForGood ex) {
					setAside(collection, document.get("_id"), event.getString("eventId"), ex);
					continue;
				}
				markPublished(collection, document.get("_id"), event.getString("eventId"));
				count++;
			}
		}
		return count;
	}

	/**
	 * An event the broker will never take (too large, an invalid topic, unreadable in the
	 * outbox): it is set aside with the reason, counted and logged with its ID for an
	 * operator, and the events after it flow on.
	 */
	private void setAside(String collection, Object id, String eventId, RefusedForGood ex) {
		String reason = String.valueOf(ex.getCause());
		log.error("Outbox event {} of {} {} set aside, the broker refuses it for good: {}", eventId, collection, id,
				reason);
		this.meters.counter("dak.outbox.set.aside", "collection", collection).increment();
		Query query = Query.query(Criteria.where("_id").is(id).and("outbox.eventId").is(eventId));
		this.mongo.updateFirst(query,
				new Update().set("outbox.$.setAsideAt", Instant.now()).set("outbox.$.setAsideReason", reason),
				collection);
	}

	/** The broker refused an event in a way no retry will change. */
	static class RefusedForGood extends RuntimeException {

		RefusedForGood(Throwable cause) {
			super(cause);
		}

	}

	private void send(Document event) {
		if (event.getString("topic") == null || event.getString("payload") == null
				|| event.getString("eventId") == null) {
			throw new RefusedForGood(new IllegalArgumentException("incomplete outbox entry: " + event.keySet()));
		}
		ProducerRecord<Object, Object> record = new ProducerRecord<>(event.getString("topic"), event.getString("key"),
				event.getString("payload").getBytes(StandardCharsets.UTF_8));
		Instant occurredAt = event.getDate("occurredAt").toInstant();
		header(record, CloudEventHeaders.SPEC_VERSION, "1.0");
		header(record, CloudEventHeaders.ID, event.getString("eventId"));
		header(record, CloudEventHeaders.TYPE, event.getString("eventType"));
		header(record, CloudEventHeaders.SOURCE, this.source);
		header(record, CloudEventHeaders.TIME, occurredAt.toString());
		header(record, CloudEventHeaders.SUBJECT, event.getString("key"));
		header(record, CloudEventHeaders.CONTENT_TYPE, "application/json");
		try {
			this.kafka.send(record).get(this.properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while publishing " + event.getString("eventId"), ex);
		}
		catch (Exception ex) {
			Throwable refusal = refusal(ex);
			if (refusal != null) {
				throw new RefusedForGood(refusal);
			}
			throw new IllegalStateException("Kafka did not acknowledge " + event.getString("eventId"), ex);
		}
		this.published.increment();
	}

	/**
	 * The broker's or producer's refusal of the record for what it is, not for the state
	 * of the cluster (sending it again cannot help), or {@code null}.
	 */
	private static Throwable refusal(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof RecordTooLargeException || cause instanceof InvalidTopicException
					|| cause instanceof SerializationException) {
				return cause;
			}
		}
		return null;
	}

	private void markPublished(String collection, Object id, String eventId) {
		Query query = Query.query(Criteria.where("_id").is(id).and("outbox.eventId").is(eventId));
		this.mongo.updateFirst(query, new Update().set("outbox.$.publishedAt", Instant.now()), collection);
	}

	private static void header(ProducerRecord<?, ?> record, String name, String value) {
		record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
	}

}
