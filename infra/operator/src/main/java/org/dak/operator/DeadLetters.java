package org.dak.operator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Reads the dead-letter topics from their beginning (without joining any consumer group,
 * so nothing is committed and every run sees everything), and sends chosen records back
 * to the topic they came from: same key, same value, same CloudEvents headers, the
 * dead-letter bookkeeping headers left out and {@code dak_replayed_from} added. The
 * services handle each event once by its ID, so replaying one twice does no harm.
 */
final class DeadLetters {

	static final String REPLAYED_FROM = "dak_replayed_from";

	private static final String DLT_HEADERS = "kafka_dlt-";

	private final Map<String, Object> kafka;

	DeadLetters(String bootstrapServers) {
		this.kafka = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
				30_000);
	}

	/** Every dead letter, or those of one topic, oldest first within each partition. */
	List<DeadLetter> list(String topic) {
		List<DeadLetter> found = new ArrayList<>();
		read(topic, (record) -> true, (record) -> found.add(describe(record)));
		found.sort(Comparator.comparing(DeadLetter::deadLetterTopic)
			.thenComparing(DeadLetter::partition)
			.thenComparing(DeadLetter::offset));
		return found;
	}

	/**
	 * Sends the dead letters of {@code topic} that {@code chosen} accepts back to their
	 * topic; answers those sent.
	 */
	List<DeadLetter> replay(String topic, Predicate<DeadLetter> chosen) {
		List<DeadLetter> sent = new ArrayList<>();
		Properties producer = new Properties();
		producer.putAll(this.kafka);
		producer.put(ProducerConfig.ACKS_CONFIG, "all");
		producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		try (KafkaProducer<byte[], byte[]> out = new KafkaProducer<>(producer, new ByteArraySerializer(),
				new ByteArraySerializer())) {
			read(topic, (record) -> chosen.test(describe(record)), (record) -> {
				DeadLetter letter = describe(record);
				List<Header> headers = new ArrayList<>();
				for (Header header : record.headers()) {
					if (!header.key().startsWith(DLT_HEADERS)) {
						headers.add(header);
					}
				}
				headers.add(new RecordHeader(REPLAYED_FROM,
						(letter.deadLetterTopic() + ":" + letter.partition() + ":" + letter.offset())
							.getBytes(StandardCharsets.UTF_8)));
				try {
					out.send(new ProducerRecord<>(letter.topic(), null, record.key(), record.value(), headers)).get();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException("Interrupted while replaying " + letter, ex);
				}
				catch (java.util.concurrent.ExecutionException ex) {
					throw new IllegalStateException("Could not replay " + letter + ": " + ex.getCause(), ex);
				}
				sent.add(letter);
			});
		}
		return sent;
	}

	private void read(String topic, Predicate<ConsumerRecord<byte[], byte[]>> wanted,
			java.util.function.Consumer<ConsumerRecord<byte[], byte[]>> handle) {
		List<TopicPartition> partitions = partitions(topic);
		if (partitions.isEmpty()) {
			return;
		}
		Properties consumer = new Properties();
		consumer.putAll(this.kafka);
		consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		consumer.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		try (KafkaConsumer<byte[], byte[]> in = new KafkaConsumer<>(consumer, new ByteArrayDeserializer(),
				new ByteArrayDeserializer())) {
			in.assign(partitions);
			in.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = in.endOffsets(partitions);
			long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
			while (partitions.stream().anyMatch((partition) -> in.position(partition) < ends.get(partition))) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException(
							"The dead-letter topics could not be read to their end in 2 minutes");
				}
				for (ConsumerRecord<byte[], byte[]> record : in.poll(Duration.ofMillis(500))) {
					if (wanted.test(record)) {
						handle.accept(record);
					}
				}
			}
		}
	}

	/** The partitions of one dead-letter topic, or of them all. */
	private List<TopicPartition> partitions(String topic) {
		try (Admin admin = Admin.create(this.kafka)) {
			List<String> topics = (topic != null)
					? List.of(topic.endsWith(DeadLetter.SUFFIX) ? topic : topic + DeadLetter.SUFFIX)
					: admin.listTopics()
						.names()
						.get()
						.stream()
						.filter((name) -> name.endsWith(DeadLetter.SUFFIX))
						.toList();
			List<String> existing = admin.listTopics().names().get().stream().filter(topics::contains).toList();
			List<TopicPartition> partitions = new ArrayList<>();
			for (TopicDescription description : admin.describeTopics(existing).allTopicNames().get().values()) {
				description.partitions()
					.forEach((partition) -> partitions
						.add(new TopicPartition(description.name(), partition.partition())));
			}
			return partitions;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (java.util.concurrent.ExecutionException ex) {
			throw new IllegalStateException("Kafka could not be asked for its topics: " + ex.getCause(), ex);
		}
	}

	private static DeadLetter describe(ConsumerRecord<byte[], byte[]> record) {
		String origin = header(record, "kafka_dlt-original-topic");
		String reason = header(record, "kafka_dlt-exception-message");
		String cause = header(record, "kafka_dlt-exception-cause-fqcn");
		return new DeadLetter(record.topic(), record.partition(), record.offset(),
				(origin != null) ? origin : DeadLetter.origin(record.topic()),
				(record.key() != null) ? new String(record.key(), StandardCharsets.UTF_8) : null,
				header(record, "ce_id"), header(record, "ce_type"), Instant.ofEpochMilli(record.timestamp()),
				(reason != null) ? reason : (cause != null) ? cause : "(no reason recorded)");
	}

	private static String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

}
