package org.dak.tracking.rebuild;

import org.dak.tracking.complaintcase.ComplaintCase;
import org.dak.tracking.complaintcase.CaseMessages;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

import com.mongodb.MongoNamespace;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.dak.contracts.ComplaintRecalled;
import org.dak.contracts.ComplaintReceived;
import org.dak.contracts.ComplaintRouted;
import org.dak.contracts.DeadlineBreached;
import org.dak.contracts.DeadlineNeared;
import org.dak.contracts.NotificationDispatched;
import org.dak.contracts.StatusUpdated;
import org.dak.contracts.Topic;
import org.dak.contracts.Topics;
import org.dak.support.events.EventJson;
import org.dak.support.events.OutboxEvent;
import org.dak.support.mongo.Maintenance;
import org.dak.tracking.deadline.DeadlinePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.index.IndexResolver;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;
import org.dak.contracts.OfficeTime;

/**
 * Rebuilds every case from the topics, when the operator asked for it
 * ({@code dak rebuild tracking} leaves the request in {@value Maintenance#COLLECTION}
 * while the service is stopped): after a lost or damaged database, or a fault that wrote
 * wrong cases.
 * <p>
 * The topics keep every event for good. A case is made again from its item's events: what
 * intake received, and then, in the order this service announced them on
 * {@code status-updated}, every change it made (a marking or recall with the DM's desk's
 * details, a refusal, a department's step or move, the applicant's feedback), then the
 * reminders and the breach of its current deadline. Nothing is decided again and nothing
 * announced again. Events of the DM's desk this service had not yet answered stay for its
 * listeners, which go on from where they were. The messages sent come from
 * {@code notification-dispatched}.
 * <p>
 * The cases as they were are kept aside (renamed {@code cases_before_rebuild_<time>}),
 * and what they hold that no topic has yet is carried over: their events not yet
 * published (they still go out) and the evidence files of working steps. One item's
 * events all share a partition number, so the rebuild reads one partition of every topic
 * at a time and holds only that one's items.
 */
@Component
public class RebuildFromTheTopics {

	private static final Logger log = LoggerFactory.getLogger(RebuildFromTheTopics.class);

	/**
	 * The operator's request, as the {@code _id} of a mark in the maintenance collection.
	 */
	static final String REQUESTED = "rebuild requested: the cases, from the topics";

	private static final List<String> TOPICS = List.of(Topics.COMPLAINT_RECEIVED, Topics.COMPLAINT_ROUTED,
			Topics.COMPLAINT_RECALLED, Topics.STATUS_UPDATED, Topics.DEADLINE_NEARED, Topics.DEADLINE_BREACHED,
			Topics.NOTIFICATION_DISPATCHED);

	private static final int BATCH = 500;

	private static final Duration STALLED = Duration.ofMinutes(5);

	private final MongoTemplate mongo;

	private final ConsumerFactory<?, ?> consumers;

	private final DeadlinePolicy deadlines;

	private final CaseMessages messages;

	RebuildFromTheTopics(MongoTemplate mongo, ConsumerFactory<?, ?> consumers, DeadlinePolicy deadlines,
			CaseMessages messages) {
		this.mongo = mongo;
		this.consumers = consumers;
		this.deadlines = deadlines;
		this.messages = messages;
	}

	/** What a rebuild did. */
	record Rebuilt(int cases, long events, int unreadable, String keptAs, Duration took) {
	}

	/**
	 * Rebuilds the cases if the operator asked for it, and takes the request away.
	 * @return what was done, or {@code null} if nothing was asked
	 */
	public Rebuilt rebuildIfRequested() {
		Maintenance maintenance = new Maintenance(this.mongo);
		if (!maintenance.isDone(REQUESTED)) {
			return null;
		}
		Rebuilt rebuilt = rebuild();
		maintenance.undo(REQUESTED);
		return rebuilt;
	}

	/** Rebuilds every case from the topics, keeping the cases as they were aside. */
	Rebuilt rebuild() {
		long start = System.nanoTime();
		String collection = this.mongo.getCollectionName(ComplaintCase.class);
		String kept = keepAside(collection);
		log.info("Rebuilding the cases from the topics{}",
				(kept != null) ? "; the cases as they were are now " + kept : ": there were no cases stored");
		int cases = 0;
		long events = 0;
		int unreadable = 0;
		Properties settings = new Properties();
		settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
		settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
		try (Consumer<?, ?> consumer = this.consumers.createConsumer("tracking-rebuild", "tracking-rebuild", "",
				settings)) {
			int partitions = partitions(consumer);
			for (int partition = 0; partition < partitions; partition++) {
				Map<String, ItemEvents> items = new LinkedHashMap<>();
				int number = partition;
				List<TopicPartition> assigned = TOPICS.stream().map((t) -> new TopicPartition(t, number)).toList();
				consumer.assign(assigned);
				consumer.seekToBeginning(assigned);
				Map<TopicPartition, Long> end = consumer.endOffsets(assigned);
				long progressAt = System.nanoTime();
				while (assigned.stream().anyMatch((tp) -> consumer.position(tp) < end.get(tp))) {
					if (System.nanoTime() - progressAt > STALLED.toNanos()) {
						throw new IllegalStateException("The broker handed over no event for " + STALLED.toMinutes()
								+ " minutes; the cases as they were are kept as " + kept);
					}
					for (ConsumerRecord<?, ?> record : consumer.poll(Duration.ofSeconds(1))) {
						progressAt = System.nanoTime();
						events++;
						Object event = record.value();
						if (event == null || record.key() == null) {
							unreadable++;
							log.warn("Rebuild: {}-{} offset {} cannot be read; it was a dead letter then too",
									record.topic(), record.partition(), record.offset());
						}
						else if (event instanceof NotificationDispatched dispatched) {
							this.messages.apply(dispatched);
						}
						else {
							items.computeIfAbsent(record.key().toString(), (key) -> new ItemEvents()).add(event);
						}
					}
				}
				cases += store(items, kept);
				log.info("Rebuild: partition {} of {} done, {} cases so far", partition + 1, partitions, cases);
			}
		}
		Rebuilt rebuilt = new Rebuilt(cases, events, unreadable, kept, Duration.ofNanos(System.nanoTime() - start));
		log.info("Rebuilt {} cases from {} events in {} s{}", cases, events, rebuilt.took().toSeconds(),
				(unreadable > 0) ? " (" + unreadable + " could not be read)" : "");
		return rebuilt;
	}

	/** One partition number of every topic: an item's events all share one. */
	private static int partitions(Consumer<?, ?> consumer) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (String topic : TOPICS) {
			List<PartitionInfo> found = consumer.partitionsFor(topic);
			counts.put(topic, (found != null) ? found.size() : 0);
		}
		if (counts.values().stream().distinct().count() > 1) {
			throw new IllegalStateException("The topics do not have the same number of partitions, so an item's "
					+ "events may not share a partition number: " + counts);
		}
		return counts.values().iterator().next();
	}

	/**
	 * Renames the cases out of the way, keeping them, and notes their new name on the
	 * request; a new, indexed collection follows. A rebuild cut short (the service
	 * stopped or crashed) leaves the request and that note: the next start drops what it
	 * had made and starts again from the cases kept, so they are never put aside twice.
	 */
	private String keepAside(String collection) {
		Document request = this.mongo.findById(REQUESTED, Document.class, Maintenance.COLLECTION);
		String kept = (request != null) ? request.getString("keptAs") : null;
		if (kept != null && this.mongo.collectionExists(kept)) {
			log.info("An earlier rebuild was cut short: starting again from {}", kept);
			this.mongo.dropCollection(collection);
		}
		else if (this.mongo.collectionExists(collection) && this.mongo.getCollection(collection).countDocuments() > 0) {
			kept = collection + "_before_rebuild_"
					+ DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
			this.mongo.getCollection(collection)
				.renameCollection(new MongoNamespace(this.mongo.getDb().getName(), kept));
			// the embedded server's file store keeps the renamed collection's _id index
			// under the old name, refusing every case put back as a duplicate: drop it
			// (on MongoDB there is nothing left to drop)
			this.mongo.dropCollection(collection);
			this.mongo.updateFirst(Query.query(Criteria.where("_id").is(REQUESTED)), Update.update("keptAs", kept),
					Maintenance.COLLECTION);
		}
		else {
			kept = null;
		}
		IndexOperations indexes = this.mongo.indexOps(ComplaintCase.class);
		IndexResolver.create(this.mongo.getConverter().getMappingContext())
			.resolveIndexFor(ComplaintCase.class)
			.forEach(indexes::createIndex);
		return kept;
	}

	private int store(Map<String, ItemEvents> items, String kept) {
		List<ComplaintCase> batch = new ArrayList<>();
		int stored = 0;
		for (Map.Entry<String, ItemEvents> item : items.entrySet()) {
			ComplaintCase before = (kept != null) ? this.mongo.findById(item.getKey(), ComplaintCase.class, kept)
					: null;
			ComplaintCase rebuilt = item.getValue().replay(item.getKey(), before, this.deadlines);
			if (rebuilt == null) {
				continue;
			}
			batch.add(rebuilt);
			if (batch.size() == BATCH) {
				stored += insert(batch);
			}
		}
		return stored + insert(batch);
	}

	private int insert(List<ComplaintCase> batch) {
		int size = batch.size();
		if (size > 0) {
			this.mongo.insertAll(batch);
			batch.clear();
		}
		return size;
	}

	/** The events of one item, as read from one partition of each topic. */
	private static final class ItemEvents {

		private ComplaintReceived received;

		private final List<ComplaintRouted> markings = new ArrayList<>();

		private final List<ComplaintRecalled> recalls = new ArrayList<>();

		/** This service's announcements, in its order, each once. */
		private final Map<String, StatusUpdated> announced = new LinkedHashMap<>();

		private final List<DeadlineNeared> reminders = new ArrayList<>();

		private final List<DeadlineBreached> breaches = new ArrayList<>();

		void add(Object event) {
			if (event instanceof ComplaintReceived r) {
				this.received = (this.received != null) ? this.received : r;
			}
			else if (event instanceof ComplaintRouted r) {
				this.markings.add(r);
			}
			else if (event instanceof ComplaintRecalled r) {
				this.recalls.add(r);
			}
			else if (event instanceof StatusUpdated s) {
				this.announced.putIfAbsent(s.eventId(), s);
			}
			else if (event instanceof DeadlineNeared n) {
				this.reminders.add(n);
			}
			else if (event instanceof DeadlineBreached b) {
				this.breaches.add(b);
			}
		}

		/** The case these events make, or {@code null} if they make none. */
		ComplaintCase replay(String id, ComplaintCase before, DeadlinePolicy deadlines) {
			List<OutboxEvent> unpublished = (before != null) ? before.unpublished() : List.of();
			for (OutboxEvent pending : unpublished) {
				add(EventJson.read(pending.payload().getBytes(java.nio.charset.StandardCharsets.UTF_8),
						Topic.named(pending.topic()).eventClass()));
			}
			if (this.received == null && this.announced.isEmpty() && this.markings.isEmpty()
					&& this.recalls.isEmpty()) {
				return null;
			}
			ComplaintCase rebuilt = new ComplaintCase(id);
			if (this.received != null) {
				rebuilt.apply(this.received);
			}
			for (StatusUpdated announcement : this.announced.values()) {
				Record decision = decisionAnswered(announcement);
				LocalDate ruleDueDate = null;
				if (decision instanceof ComplaintRouted marking && marking.dueDate() == null) {
					Instant received = (rebuilt.receivedAt() != null) ? rebuilt.receivedAt() : marking.occurredAt();
					ruleDueDate = deadlines.dueDate(marking.departmentCode(), rebuilt.category(),
							received.atZone(OfficeTime.ZONE).toLocalDate());
				}
				rebuilt.replay(announcement, decision, ruleDueDate,
						(before != null) ? before.evidenceOf(announcement.eventId()) : List.of());
			}
			this.reminders
				.forEach((neared) -> rebuilt.replay(neared, deadlines.remindersUpTo(neared.percentElapsed())));
			this.breaches.forEach(rebuilt::replay);
			unpublished.forEach(rebuilt::keepUnpublished);
			return rebuilt;
		}

		/**
		 * The DM's desk's event an announcement answered: a marking, recall or refusal is
		 * announced at the time of the decision and with its number.
		 */
		private Record decisionAnswered(StatusUpdated announcement) {
			boolean marking = "MARKING_REFUSED".equals(announcement.step())
					|| (announcement.step() == null && "MARKED".equals(announcement.status()));
			boolean recall = "RECALL_REFUSED".equals(announcement.step())
					|| (announcement.step() == null && "RECALLED".equals(announcement.status()));
			if (marking) {
				return this.markings.stream()
					.filter((r) -> r.markingSequence() == announcement.markingSequence()
							&& Objects.equals(r.occurredAt(), announcement.occurredAt()))
					.findFirst()
					.orElse(null);
			}
			if (recall) {
				return this.recalls.stream()
					.filter((r) -> r.markingSequence() == announcement.markingSequence()
							&& Objects.equals(r.occurredAt(), announcement.occurredAt()))
					.findFirst()
					.orElse(null);
			}
			return null;
		}

	}

}
