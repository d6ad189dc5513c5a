package org.dak.gateway.edge;

import org.bson.Document;

import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * MongoDB health as a {@code ping} (works against any MongoDB and the embedded server,
 * which lacks the {@code hello} command Boot's own check uses).
 */
@Component("mongoPingHealthIndicator")
class MongoPingHealth extends AbstractReactiveHealthIndicator {

	private final ReactiveMongoTemplate mongo;

	MongoPingHealth(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	protected Mono<Health> doHealthCheck(Health.Builder builder) {
		return this.mongo.executeCommand(new Document("ping", 1)).map((answer) -> builder.up().build());
	}

}
