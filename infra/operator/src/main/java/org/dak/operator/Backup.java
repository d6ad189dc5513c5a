package org.dak.operator;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.bson.Document;
import org.bson.RawBsonDocument;

/**
 * A copy of every MongoDB database of the system (each collection's documents as they are
 * stored, BSON, and its indexes) and of the broker's topic configuration (partitions,
 * replication, the settings that differ from the broker's defaults), in a folder; and
 * putting it back. A restore refuses a collection that holds documents unless told to
 * replace it, and creates only the topics that are missing. The receipt counters are put
 * back above every number the {@code complaint-received} topic holds: the numbers given
 * out after the backup was taken are in no backup, but they are on the topic, and they
 * are never given again.
 *
 * <p>
 * Layout: {@code mongodb/<database>/<collection>.bson} (documents one after another),
 * {@code mongodb/<database>/<collection>.indexes.json} (one index a line),
 * {@code kafka/topics.json} (one topic a line), {@code manifest.txt}.
 */
final class Backup {

	private static final Set<String> SYSTEM_DATABASES = Set.of("admin", "local", "config");

	private final String mongoUri;

	private final String kafkaServers;

	private final String intakeDatabase;

	/**
	 * @param intakeDatabase intake's database, whose receipt counters a restore raises
	 * above every number on the {@code complaint-received} topic
	 */
	Backup(String mongoUri, String kafkaServers, String intakeDatabase) {
		this.mongoUri = mongoUri;
		this.kafkaServers = kafkaServers;
		this.intakeDatabase = intakeDatabase;
	}

	/**
	 * What a backup or a restore did, for the operator: with a restore, the receipt
	 * counters raised above numbers given out after the backup.
	 */
	record Summary(int databases, int collections, long documents, int topics, Map<String, Long> countersRaised) {
	}

	Summary save(Path folder) {
		int databases = 0;
		int collections = 0;
		long documents = 0;
		try (MongoClient mongo = MongoClients.create(this.mongoUri)) {
			for (String name : mongo.listDatabaseNames()) {
				if (SYSTEM_DATABASES.contains(name)) {
					continue;
				}
				databases++;
				MongoDatabase database = mongo.getDatabase(name);
				Path into = folder.resolve("mongodb").resolve(name);
				Files.createDirectories(into);
				for (String collection : database.listCollectionNames()) {
					collections++;
					documents += saveCollection(database.getCollection(collection, RawBsonDocument.class),
							into.resolve(collection + ".bson"));
					List<String> indexes = new ArrayList<>();
					database.getCollection(collection).listIndexes().forEach((index) -> indexes.add(index.toJson()));
					Files.write(into.resolve(collection + ".indexes.json"), indexes, StandardCharsets.UTF_8);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		int topics = saveTopics(folder.resolve("kafka"));
		Summary summary = new Summary(databases, collections, documents, topics, Map.of());
		write(folder.resolve("manifest.txt"), List.of("Dak Tracking System backup", "taken " + Instant.now(),
				"databases " + databases, "collections " + collections, "documents " + documents, "topics " + topics));
		return summary;
	}

	Summary restore(Path folder, boolean replace) {
		if (!Files.isRegularFile(folder.resolve("manifest.txt"))) {
			throw new IllegalArgumentException(folder + " is not a backup (no manifest.txt)");
		}
		int databases = 0;
		int collections = 0;
		long documents = 0;
		try (MongoClient mongo = MongoClients.create(this.mongoUri)) {
			// every collection is checked before any is touched: a refused restore
			// changes
			// nothing
			List<Path> files = new ArrayList<>();
			for (Path databaseFolder : list(folder.resolve("mongodb"))) {
				databases++;
				for (Path file : list(databaseFolder)) {
					if (!file.getFileName().toString().endsWith(".bson")) {
						continue;
					}
					files.add(file);
					if (!replace && target(mongo, file).find().limit(1).first() != null) {
						throw new IllegalStateException(databaseFolder.getFileName() + "." + collection(file)
								+ " holds documents: restore into empty databases, or say --replace");
					}
				}
			}
			for (Path file : files) {
				collections++;
				MongoCollection<RawBsonDocument> target = target(mongo, file);
				target.drop();
				documents += restoreCollection(file, target);
				restoreIndexes(file,
						mongo.getDatabase(file.getParent().getFileName().toString()).getCollection(collection(file)));
			}
		}
		int topics = restoreTopics(folder.resolve("kafka").resolve("topics.json"));
		Map<String, Long> raised;
		try (MongoClient mongo = MongoClients.create(this.mongoUri)) {
			raised = new ReceiptNumbers(this.kafkaServers).raiseCounters(mongo.getDatabase(this.intakeDatabase));
		}
		return new Summary(databases, collections, documents, topics, raised);
	}

	private static MongoCollection<RawBsonDocument> target(MongoClient mongo, Path file) {
		return mongo.getDatabase(file.getParent().getFileName().toString())
			.getCollection(collection(file), RawBsonDocument.class);
	}

	private static long saveCollection(MongoCollection<RawBsonDocument> collection, Path file) throws IOException {
		long count = 0;
		try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file));
				MongoCursor<RawBsonDocument> documents = collection.find().iterator()) {
			while (documents.hasNext()) {
				ByteBuffer bytes = documents.next().getByteBuffer().asNIO();
				byte[] copy = new byte[bytes.remaining()];
				bytes.get(copy);
				out.write(copy);
				count++;
			}
		}
		return count;
	}

	private static long restoreCollection(Path file, MongoCollection<RawBsonDocument> target) {
		long count = 0;
		List<RawBsonDocument> batch = new ArrayList<>();
		try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
			while (true) {
				byte[] document = next(in);
				if (document == null) {
					break;
				}
				batch.add(new RawBsonDocument(document));
				if (batch.size() == 500) {
					target.insertMany(batch);
					count += batch.size();
					batch.clear();
				}
			}
			if (!batch.isEmpty()) {
				target.insertMany(batch);
				count += batch.size();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return count;
	}

	/**
	 * The next BSON document (its first four bytes say how long it is), or null at the
	 * end.
	 */
	private static byte[] next(InputStream in) throws IOException {
		byte[] length = new byte[4];
		int read = in.readNBytes(length, 0, 4);
		if (read == 0) {
			return null;
		}
		if (read < 4) {
			throw new EOFException("a document cut short");
		}
		int size = ByteBuffer.wrap(length).order(ByteOrder.LITTLE_ENDIAN).getInt();
		byte[] document = new byte[size];
		System.arraycopy(length, 0, document, 0, 4);
		if (in.readNBytes(document, 4, size - 4) < size - 4) {
			throw new EOFException("a document cut short");
		}
		return document;
	}

	private static void restoreIndexes(Path file, MongoCollection<Document> target) {
		Path indexes = file.resolveSibling(collection(file) + ".indexes.json");
		if (!Files.exists(indexes)) {
			return;
		}
		for (String line : read(indexes)) {
			Document index = Document.parse(line);
			if ("_id_".equals(index.getString("name"))) {
				continue;
			}
			IndexOptions options = new IndexOptions().name(index.getString("name"))
				.unique(Boolean.TRUE.equals(index.getBoolean("unique")))
				.sparse(Boolean.TRUE.equals(index.getBoolean("sparse")));
			if (index.get("expireAfterSeconds") instanceof Number seconds) {
				options.expireAfter(seconds.longValue(), java.util.concurrent.TimeUnit.SECONDS);
			}
			if (index.get("partialFilterExpression") instanceof Document partial) {
				options.partialFilterExpression(partial);
			}
			target.createIndex(index.get("key", Document.class), options);
		}
	}

	private int saveTopics(Path folder) {
		try (Admin admin = admin()) {
			Collection<TopicDescription> topics = admin.describeTopics(admin.listTopics().names().get())
				.allTopicNames()
				.get()
				.values();
			List<ConfigResource> resources = topics.stream()
				.map((topic) -> new ConfigResource(ConfigResource.Type.TOPIC, topic.name()))
				.toList();
			Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get();
			List<String> lines = new ArrayList<>();
			for (TopicDescription topic : topics) {
				Document settings = new Document();
				for (ConfigEntry entry : configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topic.name()))
					.entries()) {
					if (entry.source() == ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG) {
						settings.append(entry.name(), entry.value());
					}
				}
				lines.add(new Document("name", topic.name()).append("partitions", topic.partitions().size())
					.append("replicationFactor", topic.partitions().get(0).replicas().size())
					.append("config", settings)
					.toJson());
			}
			Files.createDirectories(folder);
			write(folder.resolve("topics.json"), lines);
			return lines.size();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Kafka could not be asked for its topics: " + ex.getCause(), ex);
		}
	}

	private int restoreTopics(Path file) {
		if (!Files.exists(file)) {
			return 0;
		}
		try (Admin admin = admin()) {
			Set<String> existing = admin.listTopics().names().get();
			int brokers = admin.describeCluster().nodes().get().size();
			List<NewTopic> missing = new ArrayList<>();
			for (String line : read(file)) {
				Document topic = Document.parse(line);
				if (existing.contains(topic.getString("name"))) {
					continue;
				}
				Map<String, String> config = new HashMap<>();
				topic.get("config", Document.class).forEach((key, value) -> config.put(key, String.valueOf(value)));
				missing.add(new NewTopic(topic.getString("name"), topic.getInteger("partitions"),
						(short) Math.min(brokers, topic.getInteger("replicationFactor")))
					.configs(config));
			}
			if (!missing.isEmpty()) {
				admin.createTopics(missing).all().get();
			}
			return missing.size();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Kafka did not create the topics: " + ex.getCause(), ex);
		}
	}

	private Admin admin() {
		return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.kafkaServers,
				AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000));
	}

	private static String collection(Path file) {
		String name = file.getFileName().toString();
		return name.substring(0, name.length() - ".bson".length());
	}

	private static List<Path> list(Path folder) {
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		try (Stream<Path> entries = Files.list(folder)) {
			return entries.sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<String> read(Path file) {
		try {
			return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter((line) -> !line.isBlank()).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void write(Path file, List<String> lines) {
		try {
			Files.write(file, lines, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
