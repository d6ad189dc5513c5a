package org.dak.tracking.publictrack;

import java.time.Instant;
import java.util.List;

import org.dak.support.events.OutboxEvent;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The one-time code of an item, by complaint ID: at most one is valid at a time.
 *
 * @param complaintId the item
 * @param codeHash SHA-256 of the item and the code, {@code null} once used
 * @param expiresAt when the code stops working
 * @param triesLeft wrong guesses still allowed
 * @param issued when codes were issued during the last day, for the rate limit
 * @param requests who asked for them (the client's address, as the gateway saw it) and
 * when, during the last day
 * @param outbox events waiting to be published ({@code one-time-code-issued})
 * @param version for optimistic locking: two tries at once count twice
 */
@Document("one_time_codes")
// a versioned save writes where {_id, version} match: this index answers it on the
// embedded MongoDB server, which would otherwise read the whole collection
@CompoundIndex(name = "id_version", def = "{'_id': 1, 'version': 1}", unique = true)
record OneTimeCode(@Id String complaintId, String codeHash, Instant expiresAt, int triesLeft, List<Instant> issued,
		List<Request> requests, List<OutboxEvent> outbox, @Version Long version) {

	/**
	 * One code asked for.
	 *
	 * @param at when
	 * @param by from which address
	 */
	record Request(Instant at, String by) {
	}

	OneTimeCode {
		issued = (issued != null) ? List.copyOf(issued) : List.of();
		requests = (requests != null) ? List.copyOf(requests) : List.of();
		outbox = (outbox != null) ? new java.util.ArrayList<>(outbox) : new java.util.ArrayList<>();
	}

}
