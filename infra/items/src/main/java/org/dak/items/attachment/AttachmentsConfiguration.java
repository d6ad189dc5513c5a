package org.dak.items.attachment;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;

/**
 * Attachments for every service that keeps files with its items (scans at intake,
 * evidence of action taken at tracking), with one set of checks.
 */
@AutoConfiguration(afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
@ConditionalOnClass(GridFsTemplate.class)
@EnableConfigurationProperties(AttachmentProperties.class)
public class AttachmentsConfiguration {

	@Bean
	@ConditionalOnBean(GridFsTemplate.class)
	Attachments attachments(GridFsTemplate gridFs, AttachmentProperties limits, MeterRegistry meters) {
		return new Attachments(gridFs, limits, meters);
	}

}
