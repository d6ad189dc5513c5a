package org.dak.support.events;

import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoSocketReadTimeoutException;
import com.mongodb.ServerAddress;
import com.mongodb.connection.ClusterId;
import com.mongodb.connection.ServerId;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.UncategorizedMongoDbException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.util.backoff.BackOffExecution;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterPolicyTest {

	@Test
	void aRecordWhoseDatabaseIsAwayWaitsForItInsteadOfBecomingADeadLetter() {
		Exception frozen = new ListenerExecutionFailedException("handler failed",
				new DataAccessResourceFailureException("timed out",
						new MongoSocketReadTimeoutException("read timed out", new ServerAddress(), null)));

		assertThat(KafkaEventsConfiguration.isDatabaseAway(frozen)).isTrue();
		BackOffExecution waiting = KafkaEventsConfiguration.untilTheDatabaseIsBack().start();
		long longest = 0;
		for (int attempt = 0; attempt < 1_000; attempt++) {
			long next = waiting.nextBackOff();
			assertThat(next).as("still waiting after %d tries", attempt).isNotEqualTo(BackOffExecution.STOP);
			longest = Math.max(longest, next);
		}
		assertThat(longest).isLessThanOrEqualTo(10_000);
	}

	@Test
	void aRecordMetByTheDatabasesPausedPoolWaitsToo() {
		ServerAddress server = new ServerAddress();
		Exception paused = new ListenerExecutionFailedException("handler failed",
				new UncategorizedMongoDbException("Connection pool is paused",
						new MongoConnectionPoolClearedException(new ServerId(new ClusterId(), server),
								new MongoSocketReadTimeoutException("read timed out", server, null))));

		assertThat(KafkaEventsConfiguration.isDatabaseAway(paused)).isTrue();
	}

	@Test
	void aRecordThatFailsForAnyOtherReasonKeepsTheUsualFewTriesBeforeItsDeadLetterTopic() {
		assertThat(KafkaEventsConfiguration
			.isDatabaseAway(new ListenerExecutionFailedException("handler failed", new IllegalStateException("bug"))))
			.isFalse();
	}

}
