package org.dak.support;

import java.io.IOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds the settings every service shares ({@code dak-service-defaults.yml}: Kafka
 * serialisation and reliability, MongoDB and actuator exposure) as the lowest-precedence
 * property source, so a service's own {@code application.yml} and the environment
 * override any of them.
 */
class ServiceDefaults implements EnvironmentPostProcessor {

	private static final String LOCATION = "config/dak-service-defaults.yml";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		try {
			new YamlPropertySourceLoader().load("dakServiceDefaults", new ClassPathResource(LOCATION))
				.forEach(environment.getPropertySources()::addLast);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read " + LOCATION, ex);
		}
	}

}
