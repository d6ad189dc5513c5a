package org.dak.testsupport;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Applies {@link EmbeddedMongo}: the context's {@code spring.mongodb.uri} points at the
 * embedded server, with a database per test context.
 */
class EmbeddedMongoContextCustomizerFactory implements ContextCustomizerFactory {

	private static final AtomicInteger databases = new AtomicInteger();

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		if (!TestContextAnnotationUtils.hasAnnotation(testClass, EmbeddedMongo.class)) {
			return null;
		}
		return new Customizer();
	}

	private static final class Customizer implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			String database = "test_" + databases.incrementAndGet();
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("embeddedMongo",
						Map.of("spring.mongodb.uri", EmbeddedMongoServer.uri(), "spring.mongodb.database", database)));
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Customizer;
		}

		@Override
		public int hashCode() {
			return Customizer.class.hashCode();
		}

	}

}
