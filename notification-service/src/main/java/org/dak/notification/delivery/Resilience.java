package org.dak.notification.delivery;

import java.util.function.Predicate;
import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.dak.notification.NotificationProperties;

import org.springframework.stereotype.Component;

/**
 * One circuit breaker and one retry policy per provider: a failing provider is left alone
 * for a while instead of being hammered, and a passing fault is retried with exponential
 * backoff and jitter.
 */
@Component
class Resilience {

	private final CircuitBreakerRegistry breakers;

	private final RetryRegistry retries;

	private final NotificationProperties.Retry retry;

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
			.retryOnException(retryable)
			.build());
		CircuitBreaker breaker = this.breakers.circuitBreaker(provider);
		try {
			return Retry.decorateSupplier(providerRetry, CircuitBreaker.decorateSupplier(breaker, call)).get();
		}
		catch (CallNotPermittedException ex) {
			throw new DeliveryFailedException(provider + " circuit open: provider failing, not called", ex);
		}
	}

}
