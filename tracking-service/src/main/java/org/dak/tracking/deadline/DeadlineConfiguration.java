package org.dak.tracking.deadline;

import org.dak.support.settings.OfficeSettings;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Deadlines count in the working days of the office's calendar in force. */
@Configuration(proxyBeanMethods = false)
class DeadlineConfiguration {

	@Bean
	DeadlinePolicy deadlinePolicy(DeadlineProperties properties, OfficeSettings settings) {
		return new DeadlinePolicy(properties, settings::workingDays);
	}

}
