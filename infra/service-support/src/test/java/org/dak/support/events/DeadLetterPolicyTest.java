package org.dak.support.events;

import com.mongodb.MongoSocketReadTimeoutException;
import com.mongodb.ServerAddress;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
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
	void aRecordThatFailsForAnyOtherReasonKeepsTheUsualFewTriesBeforeItsDeadLetterTopic() {
		assertThat(KafkaEventsConfiguration
			.isDatabaseAway(new ListenerExecutionFailedException("handler failed", new IllegalStateException("bug"))))
			.isFalse();
	}

}
