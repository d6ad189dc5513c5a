package org.dak.support.events;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The relay's decisions, without a broker or a database: which events of a document are
 * still to publish, which failures no retry can mend, and what becomes of a document's
 * entry in the working set after a pass.
 */
class OutboxRelayRulesTest {

	@Test
	void onlyEventsNeitherPublishedNorSetAsideAreStillToPublishInTheOrderWritten() {
		Document document = new Document("_id", "NAL-2026-000001-Q").append("outbox",
				List.of(event("e1").append("publishedAt", new Date()), event("e2"),
						event("e3").append("setAsideAt", new Date()), event("e4")));

		assertThat(OutboxRelay.unpublished(document)).extracting((event) -> event.getString("eventId"))
			.containsExactly("e2", "e4");
		assertThat(OutboxRelay.unpublished(new Document("_id", "x"))).isEmpty();
		assertThat(OutboxRelay.unpublished(null)).isEmpty();
	}

	@Test
	void aRecordTheBrokerRefusesForWhatItIsIsSetAsideAFailureOfTheClusterIsTriedAgain() {
		Document event = event("e1");

		assertThat(
				OutboxRelay.failed(event,
						new ExecutionException(new org.springframework.kafka.KafkaException("send failed",
								new RecordTooLargeException("too large")))))
			.isInstanceOf(OutboxRelay.RefusedForGood.class);
		assertThat(OutboxRelay.failed(event, new ExecutionException(new TimeoutException("no leader"))))
			.isNotInstanceOf(OutboxRelay.RefusedForGood.class)
			.hasMessageContaining("e1");
	}

	@Test
	void anIncompleteOutboxEntryIsRefusedForGood() {
		assertThatNoException().isThrownBy(() -> OutboxRelay.mustBeComplete(event("e1")));
		assertThatThrownBy(() -> OutboxRelay.mustBeComplete(new Document("eventId", "e2").append("topic", "t")))
			.isInstanceOf(OutboxRelay.RefusedForGood.class);
	}

	@Test
	void aSettledDocumentsEntryGoesAnUnsettledOneWithoutAnEntryIsNamedAgain() {
		List<Document> two = List.of(event("e1"), event("e2"));

		assertThat(pending(5, two, List.of("e1", "e2"), List.of()).afterwards())
			.isEqualTo(OutboxRelay.Afterwards.FORGET);
		assertThat(pending(5, two, List.of("e1"), List.of(event("e2"))).afterwards()).as("one set aside")
			.isEqualTo(OutboxRelay.Afterwards.FORGET);
		assertThat(pending(OutboxRelay.NO_ENTRY, two, List.of("e1", "e2"), List.of()).afterwards())
			.isEqualTo(OutboxRelay.Afterwards.NOTHING);
		assertThat(pending(OutboxRelay.NO_ENTRY, two, List.of("e1"), List.of()).afterwards())
			.isEqualTo(OutboxRelay.Afterwards.NAME_AGAIN);
		assertThat(pending(5, two, List.of("e1"), List.of()).afterwards()).as("the sweep finds it by its entry")
			.isEqualTo(OutboxRelay.Afterwards.NOTHING);
	}

	private static OutboxRelay.Pending pending(long writes, List<Document> events, List<String> published,
			List<Document> setAside) {
		return new OutboxRelay.Pending("cases:NAL-2026-000001-Q", "cases", "NAL-2026-000001-Q", writes, events,
				new ArrayList<>(published), new ArrayList<>(setAside));
	}

	private static Document event(String id) {
		return new Document("eventId", id).append("topic", "status-updated")
			.append("payload", "{}")
			.append("occurredAt", new Date());
	}

}
