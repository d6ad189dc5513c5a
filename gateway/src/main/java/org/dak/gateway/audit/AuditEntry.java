package org.dak.gateway.audit;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One audited action.
 *
 * @param id unique ID
 * @param at when
 * @param actor who (username, {@code adapter:<name>} or {@code anonymous})
 * @param action what: the method and path, or a named action such as {@code LOGIN}
 * @param outcome the HTTP status, or {@code SUCCESS}/{@code FAILURE}
 * @param clientAddress from where
 * @param requestId the request ID, to find the call in the services' logs
 */
@Document("audit")
public record AuditEntry(@Id String id, @Indexed Instant at, @Indexed String actor, String action, String outcome,
		String clientAddress, String requestId) {
}
