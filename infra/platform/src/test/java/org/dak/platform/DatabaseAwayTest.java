package org.dak.platform;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoSocketReadTimeoutException;
import com.mongodb.ServerAddress;
import com.mongodb.connection.ClusterId;
import com.mongodb.connection.ServerId;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseAwayTest {

	private static final ServerAddress SERVER = new ServerAddress("127.0.0.1", 27017);

	@Test
	void aPoolClearedAfterAFrozenDatabaseIsTheDatabaseAwayHoweverWrapped() {
		Exception frozen = new MongoSocketReadTimeoutException("Timeout while receiving message", SERVER, null);
		// what Spring Data hands on for the operations that follow: an uncategorised
		// failure
		Exception paused = new IllegalStateException("Connection pool is paused because another operation failed",
				new MongoConnectionPoolClearedException(new ServerId(new ClusterId(), SERVER), frozen));

		assertThat(DatabaseAway.isCauseOf(frozen)).isTrue();
		assertThat(DatabaseAway.isCauseOf(paused)).isTrue();
	}

	@Test
	void aCommandTheDatabaseRefusedIsNot() {
		Exception refused = new IllegalStateException("query failed",
				new MongoCommandException(BsonDocument.parse("{ok: 0, code: 2, errmsg: 'bad query'}"), SERVER));

		assertThat(DatabaseAway.isCauseOf(refused)).isFalse();
		assertThat(DatabaseAway.isCauseOf(new IllegalStateException("a bug"))).isFalse();
	}

}
