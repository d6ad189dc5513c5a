package org.dak.localstack;

import java.util.List;

import de.bwaldvogel.mongo.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which commands wait for a commit of their own: everything that may change the store,
 * and whatever the server does not know to be a read.
 */
class DurableH2BackendTest {

	@Test
	void writesAndUnknownCommandsAreChangesReadsAreNot() {
		assertThat(DurableH2Backend.changes("insert", new Document("insert", "complaints"))).isTrue();
		assertThat(DurableH2Backend.changes("findAndModify", new Document("findAndModify", "counters"))).isTrue();
		assertThat(DurableH2Backend.changes("createIndexes", new Document("createIndexes", "complaints"))).isTrue();
		assertThat(DurableH2Backend.changes("someFutureCommand", new Document())).isTrue();

		assertThat(DurableH2Backend.changes("find", new Document("find", "complaints"))).isFalse();
		assertThat(DurableH2Backend.changes("getMore", new Document("getMore", 42L))).isFalse();
		assertThat(DurableH2Backend.changes("isMaster", new Document("isMaster", 1))).isFalse();
	}

	@Test
	void anAggregationWritesOnlyWhenItEndsInOutOrMerge() {
		Document grouping = new Document("aggregate", "cases").append("pipeline",
				List.of(new Document("$group", new Document("_id", "$status"))));
		Document intoACollection = new Document("aggregate", "cases").append("pipeline",
				List.of(new Document("$match", new Document()), new Document("$out", "copy")));

		assertThat(DurableH2Backend.changes("aggregate", grouping)).isFalse();
		assertThat(DurableH2Backend.changes("aggregate", intoACollection)).isTrue();
	}

	@Test
	void aCommandOnOneCollectionNamesItOthersNameNone() {
		assertThat(DurableH2Backend.collection("tracking", "find", new Document("find", "cases")))
			.isEqualTo("tracking.cases");
		assertThat(DurableH2Backend.collection("intake", "findAndModify", new Document("findAndModify", "counters")))
			.isEqualTo("intake.counters");
		assertThat(DurableH2Backend.collection("tracking", "getMore",
				new Document("getMore", 42L).append("collection", "cases")))
			.isEqualTo("tracking.cases");

		assertThat(DurableH2Backend.collection("tracking", "aggregate", new Document("aggregate", "cases"))).isNull();
		assertThat(DurableH2Backend.collection("tracking", "dropDatabase", new Document("dropDatabase", 1))).isNull();
		assertThat(DurableH2Backend.collection("tracking", "createIndexes", new Document("createIndexes", "cases")))
			.isNull();
	}

}
