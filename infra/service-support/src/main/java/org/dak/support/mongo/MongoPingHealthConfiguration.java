package org.dak.support.mongo;

import org.bson.Document;

import org.dak.platform.MongoTimeouts;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Reports MongoDB as up when it answers {@code ping}. Boot's own indicator is switched
 * off ({@code management.health.mongodb.enabled=false}) because it asks {@code hello}.
 * And the driver waits a bounded time for the database ({@link MongoTimeouts}).
 */
@AutoConfiguration
@EnableConfigurationProperties(MongoTimeouts.class)
public class MongoPingHealthConfiguration {

	@Bean
	MongoClientSettingsBuilderCustomizer boundedMongoWaits(MongoTimeouts timeouts) {
		return timeouts::applyTo;
	}

	@Bean(name = "mongoPingHealthIndicator")
	AbstractHealthIndicator mongo(MongoTemplate mongo) {
		return new AbstractHealthIndicator("MongoDB ping failed") {
			@Override
			protected void doHealthCheck(Health.Builder builder) {
				Document answer = mongo.executeCommand(new Document("ping", 1));
				builder.up().withDetail("database", mongo.getDb().getName()).withDetail("ok", answer.get("ok"));
			}
		};
	}

}
