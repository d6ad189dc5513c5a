package org.dak.tracking;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The clock deadlines and status changes are read from (tests set their own).
 */
@Configuration(proxyBeanMethods = false)
class TrackingConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
