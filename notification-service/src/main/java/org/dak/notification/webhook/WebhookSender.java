package org.dak.notification.webhook;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the deliveries that are due, oldest event first, and one item's events to one
 * subscriber strictly in order: while an earlier one waits for its retry, the later ones
 * wait too. A delivery is claimed before it is sent (two senders never send it at once)
 * and is recorded after; a subscriber that fails gets the delivery again after a back-off
 * that doubles (10 s up to 10 min by default) until the bounded time is up. A subscriber
 * that keeps failing is rested by its circuit breaker. Counted per subscriber in
 * {@code dak_webhook_deliveries_total{subscriber, outcome}}.
 */
@Component
@EnableConfigurationProperties(WebhookProperties.class)
class WebhookSender {

	private static final Log logger = LogFactory.getLog(WebhookSender.class);

	private static final int ROUND = 200;

	private final MongoTemplate mongo;

	private final WebhookQueue queue;

	private final WebhookProperties properties;

	private final MeterRegistry meters;

	private final CircuitBreakerRegistry breakers;

	private final HttpClient http;

	private final Clock clock = Clock.systemUTC();

	private static final AtomicInteger SENDER_THREADS = new AtomicInteger();

	private final WebhookTargets targets;

	/** Each subscriber's sends run on one of these, one subscriber on one at a time. */
	private final ExecutorService senders;

	/** The subscribers a sender is at. */
	private final Set<String> sending = ConcurrentHashMap.newKeySet();

	WebhookSender(MongoTemplate mongo, WebhookQueue queue, WebhookProperties properties, MeterRegistry meters) {
		this.mongo = mongo;
		this.queue = queue;
		this.properties = properties;
		this.meters = meters;
		this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
			.slidingWindowSize(10)
			.minimumNumberOfCalls(5)
			.failureRateThreshold(50)
			.waitDurationInOpenState(Duration.ofSeconds(30))
			.build());
		this.targets = new WebhookTargets(properties.privateTargets());
		this.senders = Executors.newFixedThreadPool(properties.senders(), (task) -> {
			Thread thread = new Thread(task, "webhook-sender-" + SENDER_THREADS.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		this.http = HttpClient.newBuilder()
			.connectTimeout(properties.timeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/**
	 * Hands each subscriber's due deliveries to a sender of its own (at most
	 * {@code senders} at once), unless one is still at it: a subscriber that answers
	 * slowly, or not at all until the timeout, holds up only its own deliveries.
	 */
	@Scheduled(fixedDelayString = "${dak.notification.webhooks.interval:1s}")
	void sendDue() {
		Instant now = this.clock.instant();
		Map<String, List<WebhookQueue.Entry>> bySubscriber = this.queue.due(now, ROUND)
			.stream()
			.sorted(Comparator.comparing(WebhookQueue.Entry::occurredAt))
			.collect(Collectors.groupingBy(WebhookQueue.Entry::subscriberId, LinkedHashMap::new, Collectors.toList()));
		bySubscriber.forEach((subscriberId, entries) -> {
			if (this.sending.add(subscriberId)) {
				try {
					this.senders.execute(() -> {
						try {
							sendInOrder(entries);
						}
						catch (RuntimeException ex) {
							logger.warn("Webhooks to subscriber " + subscriberId + " could not be sent now", ex);
						}
						finally {
							this.sending.remove(subscriberId);
						}
					});
				}
				catch (RejectedExecutionException ex) {
					// stopping
					this.sending.remove(subscriberId);
				}
			}
		});
	}

	@PreDestroy
	void stop() {
		this.senders.shutdownNow();
	}

	/** One subscriber's due deliveries, oldest event first. */
	private void sendInOrder(List<WebhookQueue.Entry> entries) {
		Instant now = this.clock.instant();
		Set<String> held = new HashSet<>();
		for (WebhookQueue.Entry entry : entries) {
			String item = entry.subscriberId() + "/" + entry.subject();
			if (held.contains(item) || this.queue.earlierWaits(entry)
					|| !this.queue.claim(entry, now, now.plus(this.properties.claimFor()))) {
				held.add(item);
				continue;
			}
			WebhookDelivery delivery = this.mongo.findById(entry.id(), WebhookDelivery.class);
			if (delivery == null) {
				// a crash between the two writes: the event, read again, puts it right
				this.queue.retryAt(entry.id(), now.plus(this.properties.claimFor()));
				held.add(item);
			}
			else if (delivery.status() != WebhookDelivery.Status.PENDING) {
				this.queue.settled(entry.id());
			}
			else if (!send(delivery)) {
				held.add(item);
			}
		}
	}

	/** One attempt; whether the subscriber took it. */
	private boolean send(WebhookDelivery delivery) {
		Subscriber subscriber = this.mongo.findById(delivery.subscriberId(), Subscriber.class);
		if (subscriber == null) {
			record(delivery, WebhookDelivery.Status.FAILED, null, "the subscriber was removed", null);
			return true;
		}
		Optional<String> refused = this.targets.problemWith(subscriber.url());
		if (refused.isPresent()) {
			// a name that now resolves into this system's network: not sent, retried in
			// case that changes, and failed once the bounded time is up
			boolean giveUp = this.clock.instant().isAfter(delivery.triedSince().plus(this.properties.giveUpAfter()));
			record(delivery, giveUp ? WebhookDelivery.Status.FAILED : WebhookDelivery.Status.PENDING, null,
					"refused: " + refused.get(), subscriber);
			return false;
		}
		long timestamp = this.clock.instant().getEpochSecond();
		HttpRequest request = HttpRequest.newBuilder(subscriber.url())
			.timeout(this.properties.timeout())
			.header("Content-Type", "application/cloudevents+json; charset=utf-8")
			.header("webhook-id", delivery.eventId())
			.header("webhook-timestamp", Long.toString(timestamp))
			.header("webhook-signature",
					Signature.sign(subscriber.secret(), delivery.eventId(), timestamp, delivery.body()))
			.POST(HttpRequest.BodyPublishers.ofString(delivery.body(), StandardCharsets.UTF_8))
			.build();
		Integer answer = null;
		String error;
		try {
			HttpResponse<Void> response = this.breakers.circuitBreaker("webhook-" + subscriber.id())
				.executeCheckedSupplier(() -> {
					HttpResponse<Void> sent = this.http.send(request, HttpResponse.BodyHandlers.discarding());
					if (sent.statusCode() >= 500 || sent.statusCode() == 429) {
						throw new SubscriberFailed(sent);
					}
					return sent;
				});
			answer = response.statusCode();
			error = (answer / 100 == 2) ? null : "answered " + answer;
		}
		catch (SubscriberFailed ex) {
			answer = ex.response.statusCode();
			error = "answered " + answer;
		}
		catch (CallNotPermittedException ex) {
			error = "resting: the subscriber failed too often (circuit breaker open)";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			error = "interrupted";
		}
		catch (Throwable ex) {
			error = ex.getClass().getSimpleName() + ": " + ex.getMessage();
		}
		if (error == null) {
			record(delivery, WebhookDelivery.Status.DELIVERED, answer, null, subscriber);
			return true;
		}
		boolean giveUp = this.clock.instant().isAfter(delivery.triedSince().plus(this.properties.giveUpAfter()));
		record(delivery, giveUp ? WebhookDelivery.Status.FAILED : WebhookDelivery.Status.PENDING, answer, error,
				subscriber);
		return false;
	}

	private void record(WebhookDelivery delivery, WebhookDelivery.Status status, Integer answer, String error,
			Subscriber subscriber) {
		Instant now = this.clock.instant();
		int attempts = delivery.attempts() + 1;
		Update update = Update.update("status", status)
			.set("attempts", attempts)
			.set("lastResponse", answer)
			.set("lastError", error);
		Instant next = now.plus(backoff(attempts));
		if (status == WebhookDelivery.Status.DELIVERED) {
			update.set("deliveredAt", now);
		}
		if (status == WebhookDelivery.Status.PENDING) {
			update.set("nextAttemptAt", next);
		}
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(delivery.id())), update, WebhookDelivery.class);
		if (status == WebhookDelivery.Status.PENDING) {
			this.queue.retryAt(delivery.id(), next);
		}
		else {
			this.queue.settled(delivery.id());
		}
		String outcome = switch (status) {
			case DELIVERED -> "delivered";
			case PENDING -> "retrying";
			case FAILED -> "failed";
		};
		this.meters
			.counter("dak.webhook.deliveries", "subscriber", (subscriber != null) ? subscriber.name() : "removed",
					"outcome", outcome)
			.increment();
		if (status == WebhookDelivery.Status.FAILED) {
			logger.warn(
					"Webhook delivery " + delivery.id() + " failed for good after " + attempts + " attempts: " + error);
		}
	}

	Duration backoff(int attempts) {
		Duration wait = this.properties.firstRetry().multipliedBy(1L << Math.min(attempts - 1, 20));
		return (wait.compareTo(this.properties.maxBackoff()) > 0) ? this.properties.maxBackoff() : wait;
	}

	/** A subscriber's 5xx or 429: a failure for the circuit breaker too. */
	private static final class SubscriberFailed extends Exception {

		private final transient HttpResponse<Void> response;

		SubscriberFailed(HttpResponse<Void> response) {
			super("answered " + response.statusCode());
			this.response = response;
		}

	}

}
