package org.dak.notification.delivery;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.function.Supplier;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRateLimiterMetrics;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.micrometer.core.instrument.MeterRegistry;
import org.dak.notification.NotificationProperties;

import org.springframework.stereotype.Component;

/**
 * Per provider: a bulkhead (calls in flight), a retry policy, a rate limiter (the
 * provider's rate), a circuit breaker, and a time limit on each attempt, in that order
 * from the outside in. A failing provider is left alone for a while instead of being
 * hammered, a slow one is given up on (and its call interrupted, so it holds no slot and
 * no thread), a passing fault is retried with exponential backoff and jitter, and the
 * provider's limits are never exceeded: every attempt, first or retried, takes a permit
 * of the rate limiter. Sends run on the sender's own threads, never on the event
 * consumers'.
 */
@Component
class Resilience {

	private final CircuitBreakerRegistry breakers;

	private final RetryRegistry retries;

	private final NotificationProperties.Retry retry;

	private final TimeLimiter timeLimiter;

	private final ExecutorService attempts;

	private final BulkheadRegistry bulkheads;

	private final RateLimiterRegistry rateLimiters;

	private final Map<String, int[]> limits;

	Resilience(NotificationProperties properties, MeterRegistry meters) {
		this.retry = properties.retry();
		NotificationProperties.CircuitBreaker breaker = properties.circuitBreaker();
		this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
			.slidingWindowSize(Math.max(10, breaker.minimumCalls()))
			.minimumNumberOfCalls(breaker.minimumCalls())
			.failureRateThreshold(breaker.failureRate())
			.waitDurationInOpenState(breaker.openFor())
			.build());
		this.retries = RetryRegistry.ofDefaults();
		this.timeLimiter = TimeLimiter.of("providers",
				TimeLimiterConfig.custom()
					.timeoutDuration(properties.retry().attemptTimeout())
					.cancelRunningFuture(true)
					.build());
		this.attempts = Executors.newCachedThreadPool((task) -> {
			Thread thread = new Thread(task, "provider-attempt");
			thread.setDaemon(true);
			return thread;
		});
		this.limits = Map.of("sms", new int[] { properties.sms().ratePerSecond(), properties.sms().callsAtOnce() },
				"mail", new int[] { properties.mail().ratePerSecond(), properties.mail().callsAtOnce() });
		this.bulkheads = BulkheadRegistry.ofDefaults();
		this.rateLimiters = RateLimiterRegistry.ofDefaults();
		for (Map.Entry<String, int[]> provider : this.limits.entrySet()) {
			// made now, not at the first message, so the health page knows each provider
			this.breakers.circuitBreaker(provider.getKey());
			this.bulkheads.bulkhead(provider.getKey(),
					BulkheadConfig.custom()
						.maxConcurrentCalls(provider.getValue()[1])
						.maxWaitDuration(Duration.ZERO)
						.build());
			this.rateLimiters.rateLimiter(provider.getKey(),
					RateLimiterConfig.custom()
						.limitForPeriod(provider.getValue()[0])
						.limitRefreshPeriod(Duration.ofSeconds(1))
						.timeoutDuration(Duration.ofMillis(200))
						.build());
		}
		TaggedBulkheadMetrics.ofBulkheadRegistry(this.bulkheads).bindTo(meters);
		TaggedRateLimiterMetrics.ofRateLimiterRegistry(this.rateLimiters).bindTo(meters);
		TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(this.breakers).bindTo(meters);
		TaggedRetryMetrics.ofRetryRegistry(this.retries).bindTo(meters);
	}

	/**
	 * Calls a provider through its circuit breaker, retrying what {@code retryable}
	 * accepts.
	 */
	<T> T call(String provider, Predicate<Throwable> retryable, Supplier<T> call) {
		Retry providerRetry = this.retries.retry(provider, RetryConfig.custom()
			.maxAttempts(this.retry.maxAttempts())
			.intervalFunction(IntervalFunction.ofExponentialRandomBackoff(this.retry.initialBackoff(), 2.0, 0.3))
			.retryOnException((ex) -> ex instanceof AttemptTimedOutException || retryable.test(ex))
			.build());
		CircuitBreaker breaker = this.breakers.circuitBreaker(provider);
		Supplier<T> guarded = Bulkhead.decorateSupplier(this.bulkheads.bulkhead(provider),
				Retry.decorateSupplier(providerRetry,
						RateLimiter.decorateSupplier(this.rateLimiters.rateLimiter(provider),
								CircuitBreaker.decorateSupplier(breaker, () -> limited(call)))));
		try {
			return guarded.get();
		}
		catch (CallNotPermittedException ex) {
			throw new DeliveryFailedException(provider + " circuit open: provider failing, not called", false, ex);
		}
		catch (BulkheadFullException | RequestNotPermitted ex) {
			throw new DeliveryFailedException(provider + " busy (its rate or concurrency limit): later", false, ex);
		}
		catch (AttemptTimedOutException ex) {
			throw new DeliveryFailedException(
					provider + " did not answer within " + this.timeLimiter.getTimeLimiterConfig().getTimeoutDuration(),
					false, ex);
		}
	}

	/** The rate limiter of a provider, to watch its permits. */
	RateLimiter rateLimiter(String provider) {
		return this.rateLimiters.rateLimiter(provider);
	}

	/**
	 * One attempt, given up after the attempt timeout. The attempt runs as a task of an
	 * executor, whose cancellation interrupts its thread (a {@code CompletableFuture}'s
	 * would not): the HTTP or SMTP call it is blocked in ends too.
	 */
	private <T> T limited(Supplier<T> call) {
		try {
			return this.timeLimiter.executeFutureSupplier(() -> this.attempts.submit(call::get));
		}
		catch (TimeoutException ex) {
			throw new AttemptTimedOutException(ex);
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** An attempt that took longer than the time limit. */
	static class AttemptTimedOutException extends RuntimeException {

		AttemptTimedOutException(Throwable cause) {
			super(cause);
		}

	}

}
