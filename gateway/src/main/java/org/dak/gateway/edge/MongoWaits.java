package org.dak.gateway.edge;

import org.dak.platform.MongoTimeouts;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The gateway's own database (accounts, rate-limit counts, audit) is waited for a bounded
 * time, with the same settings as the services' ({@link MongoTimeouts}): a frozen
 * database must not hang sign-in or every limited request.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MongoTimeouts.class)
class MongoWaits {

	@Bean
	MongoClientSettingsBuilderCustomizer boundedMongoWaits(MongoTimeouts timeouts) {
		return timeouts::applyTo;
	}

}
