package org.dak.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * A service started whole on a random port, against the in-JVM Kafka broker (KRaft) and
 * the embedded MongoDB server: the way its users and the other services reach it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "dak.outbox.poll-interval=100ms", "dak.kafka.partitions=2",
				"dak.security.jwt.public-key-location=" + TestTokens.PUBLIC_KEY_LOCATION,
				"dak.seal.public-key-location=classpath:dak-test-seal-public.pem",
				"dak.seal.private-key-location=classpath:dak-test-seal-private.pem" })
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@EmbeddedMongo
public @interface ServiceIntegrationTest {

}
