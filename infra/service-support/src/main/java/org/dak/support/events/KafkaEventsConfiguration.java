package org.dak.support.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.dak.contracts.Topic;
import org.dak.platform.DatabaseAway;
import org.slf4j.MDC;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Kafka for every service: the topics and their dead-letter twins are created at
 * start-up, a record that cannot be read or handled after a few retries goes to
 * {@code <topic>-dlt} (same partition, reason in the headers) and the partition moves on,
 * and the outbox relay publishes what the service has stored.
 */
@AutoConfiguration(afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@EnableScheduling
@EnableConfigurationProperties({ OutboxProperties.class, KafkaEventsConfiguration.TopicProperties.class })
public class KafkaEventsConfiguration {

	static final String COMPLAINT_IN_LOG = "complaintId";

	/**
	 * How the topics are created.
	 *
	 * @param partitions partitions of every topic and its dead-letter topic
	 * @param replicationFactor replicas of each partition (3 in production)
	 * @param handlerRetries how often a failed record is retried before it goes to the
	 * dead-letter topic
	 */
	@ConfigurationProperties("dak.kafka")
	public record TopicProperties(@DefaultValue("6") int partitions, @DefaultValue("1") short replicationFactor,
			@DefaultValue("4") int handlerRetries) {
	}

	@Bean
	KafkaAdmin.NewTopics dakTopics(TopicProperties properties) {
		List<NewTopic> topics = new ArrayList<>();
		for (Topic topic : Topic.values()) {
			// the settings: one partition, read whole by every instance, the
			// newest record of each section kept for ever
			int partitions = topic.keepsTheLatestOfEachKey() ? 1 : properties.partitions();
			TopicBuilder builder = TopicBuilder.name(topic.topicName())
				.partitions(partitions)
				.replicas(properties.replicationFactor());
			if (topic.keepsTheLatestOfEachKey()) {
				builder.compact();
			}
			topics.add(builder.build());
			topics.add(TopicBuilder.name(topic.deadLetterTopicName())
				.partitions(partitions)
				.replicas(properties.replicationFactor())
				.build());
		}
		return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
	}

	@Bean
	DefaultErrorHandler dakErrorHandler(KafkaTemplate<Object, Object> template, TopicProperties properties,
			MeterRegistry meters) {
		// every dead letter is counted by its source topic, so an alert can name it
		DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template, (record, ex) -> {
			meters.counter("dak.events.dead.letters", "topic", record.topic()).increment();
			return new TopicPartition(record.topic() + "-dlt", record.partition());
		});
		ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(properties.handlerRetries());
		backOff.setInitialInterval(500);
		backOff.setMultiplier(2.0);
		DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
		handler.addNotRetryableExceptions(IllegalArgumentException.class);
		handler.setBackOffFunction((record, ex) -> isDatabaseAway(ex) ? untilTheDatabaseIsBack() : null);
		return handler;
	}

	/**
	 * While the service's database is down or frozen, a record is tried again until it is
	 * back (the partition waits) instead of going to the dead-letter topic after a few
	 * seconds: an outage must not turn every event of its minutes into a dead letter.
	 */
	static BackOff untilTheDatabaseIsBack() {
		ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
		backOff.setMaxInterval(10_000);
		return backOff;
	}

	/** Whether a handler failed because its database could not be reached in time. */
	static boolean isDatabaseAway(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataAccessResourceFailureException) {
				return true;
			}
		}
		return DatabaseAway.isCauseOf(ex);
	}

	/**
	 * On shutdown, producers wait at most a few seconds for the broker: anything unsent
	 * is still in the outbox and goes out after the restart.
	 */
	@Bean
	DefaultKafkaProducerFactoryCustomizer shortProducerClose() {
		return (factory) -> factory.setPhysicalCloseTimeout(5);
	}

	/**
	 * The item an event is about (its record key) as {@code complaintId} in the log lines
	 * its handling writes; a department's events are keyed by the department, the
	 * settings' by their section instead.
	 */
	@Bean
	RecordInterceptor<Object, Object> complaintInTheLog() {
		return new RecordInterceptor<>() {
			@Override
			public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record,
					Consumer<Object, Object> consumer) {
				if (record.key() != null && isKeyedByItem(record.topic())) {
					MDC.put(COMPLAINT_IN_LOG, String.valueOf(record.key()));
				}
				return record;
			}

			@Override
			public void afterRecord(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
				MDC.remove(COMPLAINT_IN_LOG);
			}
		};
	}

	private static boolean isKeyedByItem(String topicName) {
		String source = topicName.endsWith("-dlt") ? topicName.substring(0, topicName.length() - 4) : topicName;
		try {
			return Topic.named(source).isKeyedByItem();
		}
		catch (IllegalArgumentException ex) {
			// not one of ours
			return false;
		}
	}

	@Bean
	ProcessedEvents processedEvents(MongoTemplate mongo) {
		return new ProcessedEvents(mongo);
	}

	@Bean
	OutboxRelay outboxRelay(MongoTemplate mongo, KafkaTemplate<Object, Object> kafka, OutboxProperties properties,
			MeterRegistry meters, @Value("${spring.application.name}") String applicationName,
			ObjectProvider<ObservationRegistry> observations) {
		CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
			.slidingWindowSize(5)
			.minimumNumberOfCalls(3)
			.waitDurationInOpenState(Duration.ofSeconds(5))
			// one event the broker refuses for good says nothing about the broker
			.ignoreExceptions(OutboxRelay.RefusedForGood.class)
			.build());
		TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
		CircuitBreaker breaker = breakers.circuitBreaker("kafka-outbox");
		return new OutboxRelay(mongo, kafka, properties, breaker, "/dak/" + applicationName, meters,
				observations.getIfAvailable(() -> ObservationRegistry.NOOP));
	}

	@Bean
	Outbox outbox(MongoTemplate mongo, OutboxRelay relay) {
		return new Outbox(mongo, relay);
	}

	// the callbacks reach the outbox when first used: the template they serve is built
	// with them
	@Bean
	static Outbox.SaveCallbacks outboxSaveCallbacks(ObjectProvider<Outbox> outbox) {
		return new Outbox.SaveCallbacks(outbox);
	}

}
