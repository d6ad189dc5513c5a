package org.dak.support.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.ObservationRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.bson.Document;
import org.dak.support.mongo.Maintenance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Publishes the events waiting in the aggregates' outboxes and marks them published once
 * the broker has acknowledged them.
 * <p>
 * A write with new events hands its document here at once ({@link #publishSoon}): one
 * thread takes what has arrived, sends the events of all those documents together
 * (asynchronously, the idempotent producer batching them) and marks them with one update
 * per document. The events of one document leave in their order: its next event is sent
 * only once the broker has acknowledged the one before.
 * <p>
 * The sweep only catches what that missed: it reads the small working set of documents
 * that may hold unpublished events ({@value Outbox#PENDING_COLLECTION}), never the stored
 * documents themselves, except once after start-up, when it looks through every outbox
 * for events a crash left without their entry. While Kafka is down the events simply wait
 * (the services keep accepting work) and the circuit breaker keeps the relay from
 * hammering the broker; they flow as soon as it is back. A crash between sending and
 * marking sends an event again: consumers de-duplicate on the event ID.
 */
class OutboxRelay implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	private final MongoTemplate mongo;

	private final ObservationRegistry observations;

	private final KafkaTemplate<Object, Object> kafka;

	private final OutboxProperties properties;

	private final CircuitBreaker circuitBreaker;

	private final String source;

	private final Counter published;

	private final Counter failed;

	private final Timer delay;

	private final MeterRegistry meters;

	private final BlockingQueue<Key> queue = new LinkedBlockingQueue<>();

	private final Set<String> queued = ConcurrentHashMap.newKeySet();

	private final AtomicBoolean draining = new AtomicBoolean();

	private final AtomicInteger pending = new AtomicInteger();

	private final ExecutorService worker = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "outbox-relay");
		thread.setDaemon(true);
		return thread;
	});

	private final Maintenance maintenance;

	private volatile boolean recovered;

	OutboxRelay(MongoTemplate mongo, KafkaTemplate<Object, Object> kafka, OutboxProperties properties,
			CircuitBreaker circuitBreaker, String source, MeterRegistry meters, ObservationRegistry observations) {
		this.mongo = mongo;
		this.observations = observations;
		this.maintenance = new Maintenance(mongo);
		this.kafka = kafka;
		this.properties = properties;
		this.circuitBreaker = circuitBreaker;
		this.source = source;
		this.published = meters.counter("dak.outbox.published");
		this.failed = meters.counter("dak.outbox.failures");
		this.delay = Timer.builder("dak.outbox.delay")
			.description("From the write that stored an event to the broker's acknowledgement")
			.publishPercentileHistogram()
			.register(meters);
		meters.gauge("dak.outbox.pending", this.pending);
		this.meters = meters;
	}

	static String key(String collection, Object id) {
		return collection + "/" + id;
	}

	/** A document to publish, and its entry's key in the working set. */
	private record Key(String collection, Object id, String key) {
	}

	/** Entry of a document that has none in the working set. */
	static final long NO_ENTRY = -1;

	/** Has one document's pending events published as soon as the relay's thread can. */
	void publishSoon(String collection, Object id) {
		String key = key(collection, id);
		if (this.queued.add(key)) {
			this.queue.add(new Key(collection, id, key));
		}
		if (this.draining.compareAndSet(false, true)) {
			this.worker.execute(this::drain);
		}
	}

	private void drain() {
		while (true) {
			List<Key> batch = new ArrayList<>();
			this.queue.drainTo(batch, this.properties.batchSize());
			if (batch.isEmpty()) {
				this.draining.set(false);
				// a key added after the drain found none, before the flag was down
				if (this.queue.isEmpty() || !this.draining.compareAndSet(false, true)) {
					return;
				}
				continue;
			}
			batch.forEach((key) -> this.queued.remove(key.key()));
			try {
				publish(batch);
			}
			catch (CallNotPermittedException ex) {
				log.debug("Kafka circuit open; outbox events wait");
			}
			catch (RuntimeException ex) {
				// the broker or the database is away or slow: the events wait for the
				// sweep
				this.failed.increment();
				log.warn("Outbox events could not be published yet: {}", ex.toString());
			}
		}
	}

	/**
	 * Looks through the working set for what the immediate publication missed (a Kafka
	 * outage, a crash); after start-up, first through every outbox, once.
	 */
	@Scheduled(fixedDelayString = "${dak.outbox.poll-interval:1s}", initialDelayString = "1s")
	void sweep() {
		try {
			if (!this.recovered) {
				recoverOnce();
				this.recovered = true;
			}
			List<Document> entries = this.mongo.find(new Query().limit(10 * this.properties.batchSize()),
					Document.class, Outbox.PENDING_COLLECTION);
			this.pending.set(entries.size());
			for (Document entry : entries) {
				publishSoon(entry.getString("collection"), entry.get("documentId"));
			}
		}
		catch (RuntimeException ex) {
			log.warn("Outbox sweep failed, tried again in a moment: {}", ex.toString());
		}
	}

	/**
	 * The first time the relay runs on a database: notes the documents stored before the
	 * working set existed. Every write since notes its document before it changes it, so
	 * this is never needed again, and later starts do not read the archive.
	 */
	private void recoverOnce() {
		for (String collection : this.properties.collections()) {
			String job = "outbox working set holds " + collection;
			if (!this.maintenance.isDone(job)) {
				recover(collection);
				this.maintenance.done(job);
			}
		}
	}

	/**
	 * Notes every document with unpublished events, for the sweep: e.g. those stored
	 * before the working set existed, or restored from a backup. Reads every document.
	 */
	int recover() {
		int total = 0;
		for (String collection : this.properties.collections()) {
			total += recover(collection);
		}
		return total;
	}

	private int recover(String collection) {
		Document unpublished = new Document("outbox",
				new Document("$elemMatch", new Document("publishedAt", null).append("setAsideAt", null)));
		int[] found = { 0 };
		this.maintenance.scan(collection, unpublished, new Document("_id", 1), (document) -> {
			this.mongo.upsert(Query.query(Criteria.where("_id").is(key(collection, document.get("_id")))),
					new Update().inc("writes", 1)
						.setOnInsert("collection", collection)
						.setOnInsert("documentId", document.get("_id"))
						.setOnInsert("since", Instant.now()),
					Outbox.PENDING_COLLECTION);
			publishSoon(collection, document.get("_id"));
			found[0]++;
		});
		if (found[0] > 0) {
			log.info("{} documents of {} hold unpublished events; publishing them", found[0], collection);
		}
		return found[0];
	}

	/** A document's events, published in rounds: its n-th pending event in round n. */
	record Pending(String key, String collection, Object id, long writes, List<Document> events, List<String> published,
			List<Document> setAside) {

		boolean settled() {
			return this.published.size() + this.setAside.size() == this.events.size();
		}

		/**
		 * What becomes of its entry in the working set once this pass is over: a settled
		 * document's entry goes (unless a writer touched it meanwhile, which the
		 * removal's condition sees); an unsettled one without an entry is named again for
		 * the sweep.
		 */
		Afterwards afterwards() {
			if (settled()) {
				return (this.writes != NO_ENTRY) ? Afterwards.FORGET : Afterwards.NOTHING;
			}
			return (this.writes == NO_ENTRY) ? Afterwards.NAME_AGAIN : Afterwards.NOTHING;
		}

	}

	/** What a pass does with a document's entry in the working set. */
	enum Afterwards {

		/** Remove it: nothing is left to publish. */
		FORGET,

		/** Add it again: something is left, and nothing names it for the sweep. */
		NAME_AGAIN,

		/** Leave it as it is. */
		NOTHING

	}

	/**
	 * The events of a document's outbox still to publish, in the order they were written:
	 * neither published nor set aside.
	 */
	static List<Document> unpublished(Document document) {
		List<Document> events = new ArrayList<>();
		if (document != null && document.get("outbox") instanceof List<?>) {
			for (Document event : document.getList("outbox", Document.class)) {
				if (event.get("publishedAt") == null && event.get("setAsideAt") == null) {
					events.add(event);
				}
			}
		}
		return events;
	}

	private void publish(List<Key> keys) {
		this.circuitBreaker.acquirePermission();
		long start = System.nanoTime();
		List<Pending> documents;
		try {
			documents = load(keys);
		}
		catch (RuntimeException ex) {
			this.circuitBreaker.releasePermission();
			throw ex;
		}
		RuntimeException failure = null;
		for (int round = 0; failure == null; round++) {
			Map<Pending, CompletableFuture<SendResult<Object, Object>>> sent = new LinkedHashMap<>();
			for (Pending document : documents) {
				if (document.events().size() > round && !document.settled()) {
					Document event = document.events().get(round);
					try {
						sent.put(document, send(event));
					}
					catch (RefusedForGood ex) {
						setAside(document, event, ex);
					}
					catch (RuntimeException ex) {
						failure = ex;
						break;
					}
				}
			}
			if (sent.isEmpty() && failure == null) {
				break;
			}
			for (Map.Entry<Pending, CompletableFuture<SendResult<Object, Object>>> entry : sent.entrySet()) {
				Pending document = entry.getKey();
				Document event = document.events().get(round);
				try {
					acknowledged(entry.getValue(), event);
					document.published().add(event.getString("eventId"));
					this.published.increment();
					this.delay.record(Duration.between(event.getDate("occurredAt").toInstant(), Instant.now()));
				}
				catch (RefusedForGood ex) {
					setAside(document, event, ex);
				}
				catch (RuntimeException ex) {
					failure = (failure != null) ? failure : ex;
				}
			}
			// a document whose event was not acknowledged sends nothing after it
			if (failure != null) {
				break;
			}
		}
		try {
			markPublished(documents);
			forgetSettled(documents);
		}
		catch (RuntimeException ex) {
			// the broker did its part: the database failed, and the sweep tries again
			this.circuitBreaker.releasePermission();
			throw ex;
		}
		if (failure != null) {
			this.circuitBreaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, failure);
			throw failure;
		}
		this.circuitBreaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
	}

	/**
	 * The documents behind the keys, with the entry each has in the working set
	 * ({@link #NO_ENTRY} if it has none).
	 */
	private List<Pending> load(List<Key> keys) {
		Map<String, Long> writes = new HashMap<>();
		for (Document entry : this.mongo.find(
				Query.query(Criteria.where("_id").in(keys.stream().map(Key::key).toList())), Document.class,
				Outbox.PENDING_COLLECTION)) {
			writes.put(entry.getString("_id"), ((Number) entry.get("writes")).longValue());
		}
		Map<String, List<Object>> idsByCollection = new LinkedHashMap<>();
		for (Key key : keys) {
			idsByCollection.computeIfAbsent(key.collection(), (c) -> new ArrayList<>()).add(key.id());
		}
		List<Pending> documents = new ArrayList<>();
		for (Map.Entry<String, List<Object>> collection : idsByCollection.entrySet()) {
			Map<String, Document> found = new HashMap<>();
			Query byId = Query.query(Criteria.where("_id").in(collection.getValue()));
			byId.fields().include("outbox");
			for (Document document : this.mongo.find(byId, Document.class, collection.getKey())) {
				found.put(key(collection.getKey(), document.get("_id")), document);
			}
			for (Object id : collection.getValue()) {
				String key = key(collection.getKey(), id);
				List<Document> events = unpublished(found.get(key));
				documents.add(new Pending(key, collection.getKey(), id, writes.getOrDefault(key, NO_ENTRY), events,
						new ArrayList<>(), new ArrayList<>()));
			}
		}
		return documents;
	}

	private void markPublished(List<Pending> documents) {
		Map<String, BulkOperations> byCollection = new LinkedHashMap<>();
		Instant now = Instant.now();
		for (Pending document : documents) {
			if (document.published().isEmpty()) {
				continue;
			}
			byCollection
				.computeIfAbsent(document.collection(),
						(collection) -> this.mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection))
				.updateOne(Query.query(Criteria.where("_id").is(document.id())),
						new Update().set("outbox.$[event].publishedAt", now)
							.filterArray(Criteria.where("event.eventId").in(document.published())));
		}
		byCollection.values().forEach(BulkOperations::execute);
	}

	/**
	 * Removes the working-set entries of documents with nothing left to publish, unless a
	 * writer touched one meanwhile (its newest events may not have been seen).
	 */
	private void forgetSettled(List<Pending> documents) {
		for (Pending document : documents) {
			Afterwards afterwards = document.afterwards();
			if (afterwards == Afterwards.FORGET) {
				this.mongo.remove(
						Query.query(Criteria.where("_id").is(document.key()).and("writes").is(document.writes())),
						Outbox.PENDING_COLLECTION);
			}
			else if (afterwards == Afterwards.NAME_AGAIN) {
				// not published now, and nothing names it for the sweep: name it again
				this.mongo.upsert(Query.query(Criteria.where("_id").is(document.key())),
						new Update().inc("writes", 1)
							.setOnInsert("collection", document.collection())
							.setOnInsert("documentId", document.id())
							.setOnInsert("since", Instant.now()),
						Outbox.PENDING_COLLECTION);
			}
		}
	}

	/**
	 * An event the broker will never take (too large, an invalid topic, unreadable in the
	 * outbox): it is set aside with the reason, counted and logged with its ID for an
	 * operator, and the events after it flow on.
	 */
	private void setAside(Pending document, Document event, RefusedForGood ex) {
		String reason = String.valueOf(ex.getCause());
		String eventId = event.getString("eventId");
		log.error("Outbox event {} of {} {} set aside, the broker refuses it for good: {}", eventId,
				document.collection(), document.id(), reason);
		this.meters.counter("dak.outbox.set.aside", "collection", document.collection()).increment();
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(document.id())),
				new Update().set("outbox.$[event].setAsideAt", Instant.now())
					.set("outbox.$[event].setAsideReason", reason)
					.filterArray(Criteria.where("event.eventId").is(eventId)),
				document.collection());
		document.setAside().add(event);
	}

	/** The broker refused an event in a way no retry will change. */
	static class RefusedForGood extends RuntimeException {

		RefusedForGood(Throwable cause) {
			super(cause);
		}

	}

	/** An outbox entry without its topic, body, ID or time can never be sent. */
	static void mustBeComplete(Document event) {
		if (event.getString("topic") == null || event.getString("payload") == null || event.getString("eventId") == null
				|| event.getDate("occurredAt") == null) {
			throw new RefusedForGood(new IllegalArgumentException("incomplete outbox entry: " + event.keySet()));
		}
	}

	private CompletableFuture<SendResult<Object, Object>> send(Document event) {
		mustBeComplete(event);
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
			return TraceParent.continued(event.getString(TraceParent.HEADER), this.observations,
					() -> this.kafka.send(record));
		}
		catch (RuntimeException ex) {
			throw failed(event, ex);
		}
	}

	private void acknowledged(CompletableFuture<SendResult<Object, Object>> sent, Document event) {
		try {
			sent.get(this.properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while publishing " + event.getString("eventId"), ex);
		}
		catch (Exception ex) {
			throw failed(event, ex);
		}
	}

	static RuntimeException failed(Document event, Exception ex) {
		Throwable refusal = refusal(ex);
		if (refusal != null) {
			return new RefusedForGood(refusal);
		}
		return new IllegalStateException("Kafka did not acknowledge " + event.getString("eventId"), ex);
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

	private static void header(ProducerRecord<?, ?> record, String name, String value) {
		record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
	}

	@Override
	public void destroy() {
		// whatever is queued stays in the working set and goes out after the restart
		this.worker.shutdownNow();
	}

}
