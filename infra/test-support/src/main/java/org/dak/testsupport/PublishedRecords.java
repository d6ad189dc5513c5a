package org.dak.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Reads and writes topics the way an outside Kafka client would: plain strings and bytes,
 * no Dak code.
 */
public final class PublishedRecords {

	private PublishedRecords() {
	}

	/**
	 * Waits until a record on the topic matches, reading from the beginning.
	 * @return the first matching record
	 */
	public static ConsumerRecord<String, byte[]> await(String bootstrapServers, String topic,
			Predicate<ConsumerRecord<String, byte[]>> matching, Duration timeout) {
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ConsumerConfig.GROUP_ID_CONFIG,
						"test-reader-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new StringDeserializer(), new ByteArrayDeserializer())) {
			consumer.subscribe(List.of(topic));
			long deadline = System.nanoTime() + timeout.toNanos();
			List<String> seen = new ArrayList<>();
			while (System.nanoTime() < deadline) {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
					if (matching.test(record)) {
						return record;
					}
					seen.add(record.key());
				}
			}
			throw new AssertionError("No matching record on " + topic + " within " + timeout + "; keys seen: " + seen);
		}
	}

	/**
	 * Every record on the topics, from the beginning, each as one text: topic, key, every
	 * header and the value, as any reader of the topics would see them. Reads until the
	 * end of every partition.
	 */
	public static List<String> everything(String bootstrapServers, List<String> topics) {
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ConsumerConfig.GROUP_ID_CONFIG,
						"test-reader-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new StringDeserializer(), new ByteArrayDeserializer())) {
			List<org.apache.kafka.common.TopicPartition> partitions = topics.stream()
				.flatMap((topic) -> consumer.partitionsFor(topic, Duration.ofSeconds(30))
					.stream()
					.map((info) -> new org.apache.kafka.common.TopicPartition(topic, info.partition())))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<org.apache.kafka.common.TopicPartition, Long> ends = consumer.endOffsets(partitions);
			List<String> records = new ArrayList<>();
			long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			while (partitions.stream().anyMatch((partition) -> consumer.position(partition) < ends.get(partition))) {
				if (System.nanoTime() > deadline) {
					throw new AssertionError("Could not read every topic to its end within 60 s");
				}
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
					StringBuilder text = new StringBuilder(record.topic()).append(' ').append(record.key());
					for (Header header : record.headers()) {
						text.append(' ')
							.append(header.key())
							.append('=')
							.append(new String(header.value(), StandardCharsets.UTF_8));
					}
					records.add(text.append(' ').append(text(record)).toString());
				}
			}
			return records;
		}
	}

	/** Sends raw bytes with optional headers, as any producer could. */
	public static void send(String bootstrapServers, String topic, String key, byte[] value, Header... headers) {
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), new StringSerializer(),
				new ByteArraySerializer())) {
			ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
			for (Header header : headers) {
				record.headers().add(header);
			}
			producer.send(record).get();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not send to " + topic, ex);
		}
	}

	/** A header's value as text, or {@code null}. */
	public static String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	/** The value as text. */
	public static String text(ConsumerRecord<String, byte[]> record) {
		return new String(record.value(), StandardCharsets.UTF_8);
	}

}
