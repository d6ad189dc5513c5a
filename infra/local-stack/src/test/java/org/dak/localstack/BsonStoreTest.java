package org.dak.localstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.AbstractMongoBackend;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded store keeps documents and index keys as BSON: what a service stored comes
 * back as it was, after a restart too, and a file the server wrote before (with Java
 * serialisation) is read and changed as it was.
 */
class BsonStoreTest {

	private static final String JAVA_SERIALISED_DOCUMENT = "de.bwaldvogel.mongo.bson.Document";

	@TempDir
	Path folder;

	@Test
	void everyKindOfValueComesBackAsItWasStoredAfterARestart() {
		Path file = this.folder.resolve("dak.mv");
		Document item = item();
		with(durable(file), (items) -> {
			items.createIndex(Indexes.ascending("receipt"), new IndexOptions().unique(true));
			items.insertOne(item);
		});

		with(durable(file), (items) -> {
			assertThat(items.find(Filters.eq("_id", item.get("_id"))).first()).isEqualTo(item);
			assertThat(items.find(Filters.eq("receipt", "DM-LKO/2026/000042")).first()).isEqualTo(item);
			assertThatThrownBy(() -> items.insertOne(new Document("receipt", "DM-LKO/2026/000042")))
				.isInstanceOfSatisfying(MongoWriteException.class,
						(ex) -> assertThat(ex.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
		});
	}

	@Test
	void documentsAreNotWrittenWithJavaSerialisation() throws IOException {
		Path file = this.folder.resolve("dak.mv");
		with(durable(file), (items) -> items.insertOne(item()));

		assertThat(contents(file)).doesNotContain(JAVA_SERIALISED_DOCUMENT);
	}

	@Test
	void aFileTheEarlierServerWroteIsReadAndChangedAsItWas() throws IOException {
		Path file = this.folder.resolve("dak.mv");
		Document before = item();
		with(new H2Backend(MVStore.open(file.toString())), (items) -> {
			items.createIndex(Indexes.ascending("receipt"), new IndexOptions().unique(true));
			items.insertOne(before);
			items.insertOne(new Document("_id", "second").append("receipt", "DM-LKO/2026/000043"));
		});
		assertThat(contents(file)).contains(JAVA_SERIALISED_DOCUMENT);

		with(durable(file), (items) -> {
			assertThat(items.find(Filters.eq("receipt", "DM-LKO/2026/000042")).first()).isEqualTo(before);
			items.updateOne(Filters.eq("_id", "second"), Updates.set("status", "ROUTED"));
			items.insertOne(new Document("_id", "third").append("receipt", "DM-LKO/2026/000044"));
		});

		with(durable(file), (items) -> {
			assertThat(items.find(Filters.eq("_id", before.get("_id"))).first()).isEqualTo(before);
			assertThat(items.find(Filters.eq("receipt", "DM-LKO/2026/000043")).first().getString("status"))
				.isEqualTo("ROUTED");
			assertThat(items.countDocuments()).isEqualTo(3);
			assertThatThrownBy(() -> items.insertOne(new Document("receipt", "DM-LKO/2026/000043")))
				.isInstanceOf(MongoWriteException.class);
		});
	}

	private static Document item() {
		return new Document("_id", new ObjectId()).append("receipt", "DM-LKO/2026/000042")
			.append("subject", "हैंडपंप खराब है — hand pump broken")
			.append("count", 7)
			.append("big", 9_000_000_000L)
			.append("score", 0.25)
			.append("urgent", true)
			.append("receivedAt", new Date(1_765_000_000_123L))
			.append("nothing", null)
			.append("fee", Decimal128.parse("12.50"))
			.append("photo", new Binary(new byte[] { 1, 2, 3 }))
			.append("token", UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e"))
			.append("steps",
					List.of(new Document("status", "RECEIVED").append("at", new Date(1_765_000_000_000L)),
							new Document("status", "ROUTED")))
			.append("tags", List.of("water", 3, 4.5));
	}

	private static DurableH2Backend durable(Path file) {
		return new DurableH2Backend(DurableH2Backend.open(file.toString()), () -> {
			throw new IllegalStateException("the test's store failed");
		});
	}

	private static void with(AbstractMongoBackend backend, Consumer<MongoCollection<Document>> use) {
		MongoServer server = new MongoServer(backend);
		InetSocketAddress address = server.bind();
		try (MongoClient client = MongoClients.create(
				"mongodb://" + address.getHostString() + ":" + address.getPort() + "/?uuidRepresentation=standard")) {
			use.accept(client.getDatabase("dak_intake").getCollection("complaints"));
		}
		finally {
			server.shutdownNow();
		}
	}

	private static String contents(Path file) throws IOException {
		return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
	}

}
