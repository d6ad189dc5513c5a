package org.dak.notification.webhook;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.dak.platform.Problem;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The administrator's webhooks: register, list and remove subscribers, read a
 * subscriber's delivery log and send a delivery again.
 */
@RestController
class WebhookController {

	private final MongoTemplate mongo;

	private final WebhookQueue queue;

	private final WebhookTargets targets;

	WebhookController(MongoTemplate mongo, WebhookQueue queue, WebhookProperties properties) {
		this.mongo = mongo;
		this.queue = queue;
		this.targets = new WebhookTargets(properties.privateTargets());
	}

	/** A new subscriber; its secret is given once, in the answer. */
	record NewSubscriber(@NotBlank @Size(max = 100) String name, @NotNull URI url,
			@NotEmpty Set<@NotBlank String> eventTypes, Set<@NotBlank @Size(max = 30) String> departments) {
	}

	/** A subscriber as it is listed: never its secret. */
	record SubscriberView(String id, String name, URI url, Set<String> eventTypes, Set<String> departments,
			Instant createdAt) {

		static SubscriberView of(Subscriber subscriber) {
			return new SubscriberView(subscriber.id(), subscriber.name(), subscriber.url(), subscriber.eventTypes(),
					subscriber.departments(), subscriber.createdAt());
		}

	}

	/** The answer to a registration: the subscriber and its signing secret. */
	record Registered(SubscriberView subscriber, String secret) {
	}

	/** One line of the delivery log. */
	record DeliveryView(String id, String eventId, String type, String subject, Instant occurredAt,
			WebhookDelivery.Status status, int attempts, Instant nextAttemptAt, Integer lastResponse, String lastError,
			Instant deliveredAt) {

		static DeliveryView of(WebhookDelivery delivery) {
			return new DeliveryView(delivery.id(), delivery.eventId(), delivery.type(), delivery.subject(),
					delivery.occurredAt(), delivery.status(), delivery.attempts(),
					(delivery.status() == WebhookDelivery.Status.PENDING) ? delivery.nextAttemptAt() : null,
					delivery.lastResponse(), delivery.lastError(), delivery.deliveredAt());
		}

	}

	@PostMapping("/api/v1/webhooks/subscribers")
	ResponseEntity<Registered> register(@Valid @RequestBody NewSubscriber request) {
		if (!"https".equals(request.url().getScheme()) && !"http".equals(request.url().getScheme())
				|| request.url().getHost() == null) {
			throw new Problem(HttpStatus.BAD_REQUEST, "webhook-url", "Not a web address",
					"url must be an http or https address with a host.");
		}
		List<String> unknown = request.eventTypes()
			.stream()
			.filter((type) -> !WebhookEvents.TYPES.contains(type))
			.toList();
		if (!unknown.isEmpty()) {
			throw new Problem(HttpStatus.BAD_REQUEST, "webhook-event-types", "Unknown event types",
					"Not event types a subscriber may ask for: " + unknown + ". These are: "
							+ WebhookEvents.TYPES.stream().sorted().toList() + ".");
		}
		this.targets.problemWith(request.url()).ifPresent((problem) -> {
			throw new Problem(HttpStatus.BAD_REQUEST, "webhook-target", "Not an address on the internet", problem);
		});
		Subscriber subscriber = this.mongo.insert(new Subscriber(UUID.randomUUID().toString(), request.name(),
				request.url(), Set.copyOf(request.eventTypes()),
				(request.departments() != null) ? Set.copyOf(request.departments()) : Set.of(), Signature.newSecret(),
				Instant.now()));
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(new Registered(SubscriberView.of(subscriber), subscriber.secret()));
	}

	@GetMapping("/api/v1/webhooks/subscribers")
	List<SubscriberView> subscribers() {
		return this.mongo.find(new Query().with(Sort.by("createdAt")), Subscriber.class)
			.stream()
			.map(SubscriberView::of)
			.toList();
	}

	@DeleteMapping("/api/v1/webhooks/subscribers/{subscriberId}")
	ResponseEntity<Void> remove(@PathVariable String subscriberId) {
		if (this.mongo.remove(Query.query(where("_id").is(subscriberId)), Subscriber.class).getDeletedCount() == 0) {
			throw notFound(subscriberId);
		}
		return ResponseEntity.noContent().build();
	}

	/** The newest deliveries first, at most {@code size} (200), of the last 31 days. */
	@GetMapping("/api/v1/webhooks/subscribers/{subscriberId}/deliveries")
	List<DeliveryView> deliveries(@PathVariable String subscriberId, @RequestParam(defaultValue = "50") int size) {
		if (!this.mongo.exists(Query.query(where("_id").is(subscriberId)), Subscriber.class)) {
			throw notFound(subscriberId);
		}
		return this.queue.log(subscriberId, Math.max(1, Math.min(size, 200))).stream().map(DeliveryView::of).toList();
	}

	/** Sends a delivery again (a failed one, or a delivered one the subscriber lost). */
	@PostMapping("/api/v1/webhooks/subscribers/{subscriberId}/deliveries/{eventId}/resend")
	ResponseEntity<DeliveryView> resend(@PathVariable String subscriberId, @PathVariable String eventId) {
		String id = WebhookDelivery.idOf(subscriberId, eventId);
		Instant now = Instant.now();
		this.mongo.updateFirst(Query.query(where("_id").is(id)),
				Update.update("status", WebhookDelivery.Status.PENDING).set("nextAttemptAt", now).set("resentAt", now),
				WebhookDelivery.class);
		WebhookDelivery delivery = this.mongo.findById(id, WebhookDelivery.class);
		if (delivery == null) {
			throw new Problem(HttpStatus.NOT_FOUND, "webhook-delivery-not-found", "No such delivery",
					"The subscriber has no delivery of event " + eventId + ".");
		}
		this.queue.enqueue(delivery, now);
		return ResponseEntity.accepted().body(DeliveryView.of(delivery));
	}

	private static Problem notFound(String subscriberId) {
		return new Problem(HttpStatus.NOT_FOUND, "webhook-subscriber-not-found", "No such subscriber",
				"No webhook subscriber has the ID " + subscriberId + ".");
	}

}
