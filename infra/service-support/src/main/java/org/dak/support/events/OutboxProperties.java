package org.dak.support.events;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the outbox relay.
 *
 * @param collections the MongoDB collections whose documents carry an {@code outbox}
 * @param pollInterval how often the relay's sweep looks through the working set for
 * events the immediate publication missed (a Kafka outage, a crash)
 * @param batchSize how many documents the relay publishes together
 * @param sendTimeout how long it waits for the broker to acknowledge an event
 */
@ConfigurationProperties("dak.outbox")
public record OutboxProperties(@DefaultValue List<String> collections, @DefaultValue("1s") Duration pollInterval,
		@DefaultValue("100") int batchSize, @DefaultValue("10s") Duration sendTimeout) {
}
