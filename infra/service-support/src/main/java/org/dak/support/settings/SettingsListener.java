package org.dak.support.settings;

import java.util.UUID;

import org.dak.contracts.SettingsChanged;
import org.dak.contracts.Topics;

import org.springframework.kafka.annotation.KafkaListener;

/**
 * Reads {@code settings-changed} from its beginning in every instance, so each instance
 * applies every change within a second of its announcement and a starting one finds the
 * newest version of each section. Each instance reads in a consumer group of its own
 * (named for the service and a random suffix), so no other instance shares its reading;
 * the group is new at each start, so it reads the (compacted) topic from the beginning.
 */
class SettingsListener {

	private final OfficeSettings settings;

	private final String group;

	SettingsListener(OfficeSettings settings, String applicationName) {
		this.settings = settings;
		this.group = applicationName + "-settings-" + UUID.randomUUID();
	}

	/** This instance's own consumer group. */
	public String getGroup() {
		return this.group;
	}

	@KafkaListener(id = "office-settings", topics = Topics.SETTINGS_CHANGED, groupId = "#{__listener.group}",
			concurrency = "1", properties = "auto.offset.reset=earliest")
	void on(SettingsChanged event) {
		this.settings.apply(event);
	}

}
