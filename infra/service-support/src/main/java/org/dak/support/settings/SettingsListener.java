package org.dak.support.settings;

import org.dak.contracts.SettingsChanged;
import org.dak.contracts.Topics;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.annotation.PartitionOffset;
import org.springframework.kafka.annotation.TopicPartition;

/**
 * Reads {@code settings-changed} from its beginning in every instance (the topic has one
 * partition, assigned here without sharing it in a group), so each instance applies every
 * change within a second of its announcement, and a starting one finds the newest version
 * of each section. The group only keeps offsets for operators to look at.
 */
class SettingsListener {

	private final OfficeSettings settings;

	SettingsListener(OfficeSettings settings) {
		this.settings = settings;
	}

	@KafkaListener(id = "office-settings", groupId = "${spring.application.name}-settings", concurrency = "1",
			topicPartitions = @TopicPartition(topic = Topics.SETTINGS_CHANGED,
					partitionOffsets = @PartitionOffset(partition = "0", initialOffset = "0")))
	void on(SettingsChanged event) {
		this.settings.apply(event);
	}

}
