package org.dak.operator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.dak.contracts.Topic;

/**
 * The receipt numbers ever given out, as the {@code complaint-received} topic has them:
 * the record of every acknowledged item that no restore of the databases takes back.
 * After a restore, intake's serial counters are raised above the highest number of each
 * district and year, so a number given out after the backup is never given again.
 */
final class ReceiptNumbers {

	/** {@code NAL-2026-000123-K}: district, year, serial, check character. */
	private static final Pattern NUMBER = Pattern
		.compile("\"receiptNumber\"\\s*:\\s*\"([A-Z0-9]+)-(\\d{4})-(\\d+)-[A-Z0-9]\"");

	private final String kafkaServers;

	ReceiptNumbers(String kafkaServers) {
		this.kafkaServers = kafkaServers;
	}

	/**
	 * The highest serial published for each counter ({@code NAL-2026}), read from the
	 * start of every partition to its end as it is now.
	 */
	Map<String, Long> highest() {
		Map<String, Long> highest = new HashMap<>();
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
				ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.kafkaServers, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
				false, ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
				ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
				ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000, ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000))) {
			String topic = Topic.COMPLAINT_RECEIVED.topicName();
			List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30))
				.stream()
				.map((info) -> new TopicPartition(topic, info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
			long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
			while (partitions.stream().anyMatch((partition) -> consumer.position(partition) < ends.get(partition))) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException(topic + " could not be read to its end within 10 minutes");
				}
				for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
					if (record.value() == null) {
						continue;
					}
					Matcher number = NUMBER.matcher(new String(record.value(), StandardCharsets.UTF_8));
					if (number.find()) {
						highest.merge(number.group(1) + "-" + number.group(2), Long.parseLong(number.group(3)),
								Math::max);
					}
				}
			}
		}
		return highest;
	}

	/**
	 * Raises each of intake's counters to at least the highest serial published under it
	 * (never lowers one).
	 * @return the counters that were raised, with their values now
	 */
	Map<String, Long> raiseCounters(MongoDatabase intake) {
		Map<String, Long> raised = new HashMap<>();
		highest().forEach((counter, serial) -> {
			// by _id; $max never lowers a counter, and says whether it raised it
			UpdateResult result = intake.getCollection("counters")
				.updateOne(Filters.eq("_id", counter), Updates.max("seq", serial), new UpdateOptions().upsert(true));
			if (result.getModifiedCount() > 0 || result.getUpsertedId() != null) {
				raised.put(counter, serial);
			}
		});
		return raised;
	}

}
