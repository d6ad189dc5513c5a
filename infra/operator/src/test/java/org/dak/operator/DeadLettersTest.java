package org.dak.operator;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator's dead-letter tools against a real broker, on records set aside the way
 * the services set them aside (Spring Kafka's recoverer, to {@code <topic>-dlt}).
 */
class DeadLettersTest {

	static EmbeddedKafkaKraftBroker broker;

	@BeforeAll
	static void aBrokerWithTwoEventsSetAside() {
		broker = new EmbeddedKafkaKraftBroker(1, 2, "complaint-routed", "complaint-routed-dlt", "status-updated");
		broker.afterPropertiesSet();
		KafkaTemplate<Object, Object> template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
						ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
						ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class)));
		DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
				(record, ex) -> new TopicPartition(record.topic() + "-dlt", record.partition()));
		setAside(recoverer, "NAL-2026-000101-A", "event-1", "Department POLICE is not known here");
		setAside(recoverer, "NAL-2026-000102-B", "event-2", "Department POLICE is not known here");
		template.destroy();
	}

	@AfterAll
	static void stop() {
		broker.destroy();
	}

	@Test
	void theOperatorSeesEachEventSetAsideWithItsItemAndWhy() {
		List<DeadLetter> letters = new DeadLetters(broker.getBrokersAsString()).list(null);

		assertThat(letters).extracting(DeadLetter::eventId).contains("event-1", "event-2");
		DeadLetter first = letters.stream()
			.filter((letter) -> letter.eventId().equals("event-1"))
			.findFirst()
			.orElseThrow();
		assertThat(first.topic()).isEqualTo("complaint-routed");
		assertThat(first.key()).isEqualTo("NAL-2026-000101-A");
		assertThat(first.eventType()).isEqualTo("org.dak.complaint.routed");
		assertThat(first.reason()).contains("Department POLICE is not known here");
	}

	@Test
	void aReplayedEventGoesBackToItsTopicAsItWasWithoutTheDeadLetterBookkeeping() {
		Output replay = operator("dlt", "replay", "complaint-routed", "--event", "event-2");

		assertThat(replay.exit()).as(replay.errors()).isZero();
		assertThat(replay.out()).contains("replayed complaint-routed-dlt").contains("1 replayed");
		List<ConsumerRecord<byte[], byte[]>> back = read("complaint-routed");
		ConsumerRecord<byte[], byte[]> replayed = back.stream()
			.filter((record) -> record.headers().lastHeader(DeadLetters.REPLAYED_FROM) != null)
			.findFirst()
			.orElseThrow();
		assertThat(new String(replayed.key(), StandardCharsets.UTF_8)).isEqualTo("NAL-2026-000102-B");
		assertThat(new String(replayed.value(), StandardCharsets.UTF_8)).isEqualTo("{\"eventId\":\"event-2\"}");
		assertThat(new String(replayed.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8))
			.isEqualTo("event-2");
		assertThat(replayed.headers().toArray()).noneMatch((header) -> header.key().startsWith("kafka_dlt-"));
		assertThat(back.stream().filter((record) -> record.headers().lastHeader(DeadLetters.REPLAYED_FROM) != null))
			.as("only the event asked for")
			.hasSize(1);
	}

	@Test
	void aReplayMustSayWhatToReplay() {
		Output nothingChosen = operator("dlt", "replay", "complaint-routed");
		Output unknown = operator("dlt", "replay", "complaint-routed", "--everything");

		assertThat(nothingChosen.exit()).isEqualTo(2);
		assertThat(nothingChosen.errors()).contains("usage: dak dlt list");
		assertThat(unknown.exit()).isEqualTo(2);
	}

	@Test
	void theListCommandPrintsEachLetterAndTheCount() {
		Output list = operator("dlt", "list", "complaint-routed");

		assertThat(list.exit()).isZero();
		assertThat(list.out()).contains("NAL-2026-000101-A", "event event-1", "Department POLICE is not known here")
			.contains("2 dead letters");
	}

	private static void setAside(DeadLetterPublishingRecoverer recoverer, String key, String eventId, String why) {
		RecordHeaders headers = new RecordHeaders();
		headers.add(new RecordHeader("ce_id", eventId.getBytes(StandardCharsets.UTF_8)));
		headers.add(new RecordHeader("ce_type", "org.dak.complaint.routed".getBytes(StandardCharsets.UTF_8)));
		ConsumerRecord<Object, Object> failed = new ConsumerRecord<>("complaint-routed", 0, 7,
				System.currentTimeMillis(), TimestampType.CREATE_TIME, -1, -1, key.getBytes(StandardCharsets.UTF_8),
				("{\"eventId\":\"" + eventId + "\"}").getBytes(StandardCharsets.UTF_8), headers,
				java.util.Optional.empty());
		recoverer.accept(failed,
				new ListenerExecutionFailedException("handler failed", new IllegalStateException(why)));
	}

	private static List<ConsumerRecord<byte[], byte[]>> read(String topic) {
		List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
				new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic)
				.stream()
				.map((info) -> new TopicPartition(topic, info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
			while (partitions.stream().anyMatch((partition) -> consumer.position(partition) < ends.get(partition))) {
				consumer.poll(Duration.ofMillis(200)).forEach(records::add);
			}
		}
		return records;
	}

	private record Output(int exit, String out, String errors) {
	}

	private static Output operator(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exit = Operator.run(args, Map.of("KAFKA_BOOTSTRAP_SERVERS", broker.getBrokersAsString()),
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Output(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

}
