package org.dak.support.seal;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The sealing keys of this service, if it has any. */
@AutoConfiguration
@EnableConfigurationProperties(SealProperties.class)
public class SealingConfiguration {

	@Bean
	Sealing sealing(SealProperties properties) {
		return new Sealing(properties);
	}

}
