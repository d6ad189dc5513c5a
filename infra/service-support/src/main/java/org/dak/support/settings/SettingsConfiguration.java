package org.dak.support.settings;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The office's settings in force in every service. */
@AutoConfiguration
@EnableConfigurationProperties(CalendarProperties.class)
public class SettingsConfiguration {

	@Bean
	OfficeSettings officeSettings(MongoTemplate mongo, CalendarProperties calendar) {
		return new OfficeSettings(mongo, calendar);
	}

	@Bean
	SettingsListener settingsListener(OfficeSettings settings,
			@Value("${spring.application.name:dak}") String applicationName) {
		return new SettingsListener(settings, applicationName);
	}

}
