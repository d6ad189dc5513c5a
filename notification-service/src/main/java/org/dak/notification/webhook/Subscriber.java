package org.dak.notification.webhook;

import java.net.URI;
import java.time.Instant;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A registered subscriber: where its events go, which event types (CloudEvents
 * {@code type}s) and which departments' items it wants (none named: every department's,
 * and items not yet marked), and the secret its deliveries are signed with.
 */
@Document("webhook_subscribers")
record Subscriber(@Id String id, String name, URI url, Set<String> eventTypes, Set<String> departments, String secret,
		Instant createdAt) {

	boolean wants(String eventType, Set<String> eventDepartments) {
		return this.eventTypes.contains(eventType)
				&& (this.departments.isEmpty() || eventDepartments.stream().anyMatch(this.departments::contains));
	}

}
