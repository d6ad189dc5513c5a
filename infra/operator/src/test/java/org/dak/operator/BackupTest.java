package org.dak.operator;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The backup and restore on the embedded MongoDB server and a real broker: documents,
 * unique indexes and topics come back; a restore over data is refused unless asked.
 */
class BackupTest {

	@TempDir
	Path folder;

	MongoServer server;

	MongoClient mongo;

	EmbeddedKafkaKraftBroker broker;

	Backup backup;

	@BeforeEach
	void aSystemWithAnItemAndATopic() {
		this.server = new MongoServer(new MemoryBackend());
		String uri = this.server.bindAndGetConnectionString();
		this.mongo = MongoClients.create(uri);
		this.broker = new EmbeddedKafkaKraftBroker(1, 3, "complaint-received");
		this.broker.afterPropertiesSet();
		this.backup = new Backup(uri, this.broker.getBrokersAsString(), "dak_intake");
		MongoCollection<Document> processed = this.mongo.getDatabase("dak_tracking").getCollection("processed_events");
		processed.createIndex(Indexes.ascending("topic", "processedAt"), new IndexOptions().name("by_topic"));
		this.mongo.getDatabase("dak_intake")
			.getCollection("complaints")
			.insertMany(List.of(new Document("_id", "NAL-2026-000001-Q").append("subject", "नाली जाम"),
					new Document("_id", "NAL-2026-000002-O").append("subject", "सड़क टूटी")));
		processed.insertOne(new Document("_id", "event-1").append("topic", "complaint-received"));
	}

	@AfterEach
	void stop() {
		this.mongo.close();
		this.server.shutdown();
		this.broker.destroy();
	}

	@Test
	void whatWasBackedUpComesBackIntoEmptyDatabasesWithItsIndexesAndTopics() throws Exception {
		Backup.Summary saved = this.backup.save(this.folder);
		assertThat(saved.documents()).isEqualTo(3);
		assertThat(saved.topics()).isEqualTo(1);
		this.mongo.getDatabase("dak_intake").drop();
		this.mongo.getDatabase("dak_tracking").drop();
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.getBrokersAsString()))) {
			admin.deleteTopics(List.of("complaint-received")).all().get();
		}

		Backup.Summary restored = this.backup.restore(this.folder, false);

		assertThat(restored.documents()).isEqualTo(3);
		assertThat(this.mongo.getDatabase("dak_intake")
			.getCollection("complaints")
			.find(new Document("_id", "NAL-2026-000002-O"))
			.first()).containsEntry("subject", "सड़क टूटी");
		List<String> indexes = new java.util.ArrayList<>();
		this.mongo.getDatabase("dak_tracking")
			.getCollection("processed_events")
			.listIndexes()
			.forEach((index) -> indexes.add(index.getString("name")));
		assertThat(indexes).contains("by_topic");
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.getBrokersAsString()))) {
			assertThat(admin.describeTopics(List.of("complaint-received"))
				.allTopicNames()
				.get()
				.get("complaint-received")
				.partitions()).hasSize(3);
		}
	}

	@Test
	void aRestoreOverDataIsRefusedAndChangesNothingUnlessToldToReplace() {
		this.backup.save(this.folder);
		this.mongo.getDatabase("dak_intake")
			.getCollection("complaints")
			.insertOne(new Document("_id", "NAL-2026-000003-M").append("subject", "after the backup"));

		assertThatThrownBy(() -> this.backup.restore(this.folder, false)).hasMessageContaining("holds documents");
		assertThat(this.mongo.getDatabase("dak_intake").getCollection("complaints").countDocuments()).isEqualTo(3);

		this.backup.restore(this.folder, true);
		assertThat(this.mongo.getDatabase("dak_intake").getCollection("complaints").countDocuments()).isEqualTo(2);
	}

	@Test
	void aRestoreRaisesTheReceiptCounterAboveEveryNumberGivenOutAfterTheBackup() throws Exception {
		MongoCollection<Document> counters = this.mongo.getDatabase("dak_intake").getCollection("counters");
		counters.insertOne(new Document("_id", "NAL-2026").append("seq", 2L));
		counters.insertOne(new Document("_id", "NAL-2025").append("seq", 40L));
		published("NAL-2026-000001-Q", "NAL-2026-000002-O", "NAL-2025-000040-Z");
		this.backup.save(this.folder);
		// after the backup, three more receipts are given out, then the database is lost
		counters.updateOne(new Document("_id", "NAL-2026"), new Document("$set", new Document("seq", 5L)));
		published("NAL-2026-000003-M", "NAL-2026-000005-K", "NAL-2026-000004-X");

		Backup.Summary restored = this.backup.restore(this.folder, true);

		assertThat(restored.countersRaised()).containsExactly(Map.entry("NAL-2026", 5L));
		assertThat(counters.find(new Document("_id", "NAL-2026")).first().get("seq", Number.class).longValue())
			.as("the next number drawn is 6, never one of 3 to 5 again")
			.isEqualTo(5);
		assertThat(counters.find(new Document("_id", "NAL-2025")).first().get("seq", Number.class).longValue())
			.as("a counter already above the topic's numbers is left alone")
			.isEqualTo(40);
	}

	private void published(String... receiptNumbers) throws Exception {
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.getBrokersAsString()),
				new StringSerializer(), new StringSerializer())) {
			for (String number : receiptNumbers) {
				producer
					.send(new ProducerRecord<>("complaint-received", number,
							"{\"eventId\":\"e-" + number + "\",\"complaintId\":\"c-" + number
									+ "\",\"receiptNumber\":\"" + number + "\",\"subject\":\"नाली जाम\"}"))
					.get();
			}
		}
	}

	@Test
	void aFolderThatIsNoBackupIsRefused() {
		assertThatThrownBy(() -> this.backup.restore(this.folder, false)).hasMessageContaining("is not a backup");
	}

}
