package org.dak.notification.delivery;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.dak.notification.NotificationProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class ResilienceTest {

	@Test
	void everyAttemptTakesAPermitSoRetriesNeverExceedTheProvidersRate() {
		Resilience resilience = resilience(5, Duration.ofSeconds(5));
		AtomicInteger permits = new AtomicInteger();
		resilience.rateLimiter("sms").getEventPublisher().onSuccess((event) -> permits.incrementAndGet());
		AtomicInteger calls = new AtomicInteger();

		assertThatThrownBy(() -> resilience.call("sms", (ex) -> true, () -> {
			calls.incrementAndGet();
			throw new IllegalStateException("provider answered 503");
		})).isInstanceOf(RuntimeException.class);

		assertThat(calls).hasValueGreaterThan(1);
		assertThat(permits).as("a permit for each call made").hasValue(calls.get());
	}

	@Test
	void anAttemptThatTimesOutIsInterruptedAndHoldsNothing() {
		Resilience resilience = resilience(1, Duration.ofMillis(300));
		AtomicBoolean interrupted = new AtomicBoolean();
		CountDownLatch never = new CountDownLatch(1);

		assertThatThrownBy(() -> resilience.call("sms", (ex) -> false, () -> {
			try {
				never.await();
			}
			catch (InterruptedException ex) {
				interrupted.set(true);
			}
			return "late";
		})).isInstanceOf(DeliveryFailedException.class).hasMessageContaining("did not answer");

		await().atMost(Duration.ofSeconds(5)).untilTrue(interrupted);
		assertThat(resilience.call("sms", (ex) -> false, () -> "next")).as("its bulkhead slot is free again")
			.isEqualTo("next");
	}

	private static Resilience resilience(int attempts, Duration attemptTimeout) {
		NotificationProperties properties = new NotificationProperties("dak@collectorate.local", "Collectorate",
				"dm@dak.local",
				new NotificationProperties.Sms(URI.create("http://127.0.0.1:1/sms"), "", "Authorization", "DAKNAL",
						"json", Map.of(), "+91", "", Duration.ofSeconds(1), Duration.ofSeconds(1), 100, 1),
				new NotificationProperties.Mail(20, 4),
				new NotificationProperties.Retry(attempts, Duration.ofMillis(10), attemptTimeout,
						Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofHours(24), Duration.ofSeconds(1),
						Duration.ofMinutes(2)),
				new NotificationProperties.CircuitBreaker(100, 50, Duration.ofSeconds(30)),
				new NotificationProperties.OfficerDigest(false, "0 0 9 * * MON-SAT"));
		return new Resilience(properties, new SimpleMeterRegistry());
	}

}
