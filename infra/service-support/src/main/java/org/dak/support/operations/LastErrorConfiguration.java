package org.dak.support.operations;

import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Attaches {@link LastError} to the root logger while the service runs (and takes it off
 * when it stops, so tests that start several services in one JVM do not pile them up).
 */
@AutoConfiguration
@ConditionalOnClass(LoggerContext.class)
public class LastErrorConfiguration {

	@Bean(destroyMethod = "detach")
	LastError lastError() {
		LastError appender = new LastError();
		if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logging) {
			appender.attachTo(logging);
		}
		return appender;
	}

}
