package org.dak.tracking;

import java.time.Clock;

import org.dak.tracking.clock.AdjustableClock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The clock deadlines and status changes are read from: the system clock, or on a
 * demonstration system one that can be moved forward (tests set their own).
 */
@Configuration(proxyBeanMethods = false)
class TrackingConfiguration {

	@Bean
	Clock clock(@Value("${dak.tracking.clock.adjustable:false}") boolean adjustable) {
		return adjustable ? new AdjustableClock() : Clock.systemUTC();
	}

}
