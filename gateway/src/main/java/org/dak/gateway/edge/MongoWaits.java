package org.dak.gateway.edge;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The gateway's own database (accounts, rate-limit counts, audit) is waited for a bounded
 * time, as the services' is: a frozen database must not hang sign-in or every limited
 * request (the driver's defaults wait 30 s to find a server and forever for an answer).
 */
@Configuration(proxyBeanMethods = false)
class MongoWaits {

	@Bean
	MongoClientSettingsBuilderCustomizer boundedMongoWaits(
			@Value("${dak.mongodb.timeouts.server-selection:2s}") Duration serverSelection,
			@Value("${dak.mongodb.timeouts.connect:2s}") Duration connect,
			@Value("${dak.mongodb.timeouts.read:3s}") Duration read) {
		return (settings) -> settings
			.applyToClusterSettings(
					(cluster) -> cluster.serverSelectionTimeout(serverSelection.toMillis(), TimeUnit.MILLISECONDS))
			.applyToSocketSettings((socket) -> socket.connectTimeout(connect.toMillis(), TimeUnit.MILLISECONDS)
				.readTimeout(read.toMillis(), TimeUnit.MILLISECONDS));
	}

}
