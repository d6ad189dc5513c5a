package org.dak.notification.dispatch;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The send queue's decisions about one message, without a database: which messages a
 * sender may claim, which a delivery receipt may change, which the DM may send again, and
 * what the item's timeline hears.
 */
class NotificationTest {

	@Test
	void aSenderClaimsOnlyMessagesNotYetSettled() {
		assertThat(message(Notification.CREATED).isUnsettled()).isTrue();
		assertThat(message(Notification.SENDING).isUnsettled()).isTrue();
		assertThat(message(Notification.TEMPORARY_FAILURE).isUnsettled()).isTrue();
		for (String settled : List.of(Notification.SENT, Notification.DELIVERED, Notification.PERMANENT_FAILURE,
				Notification.TECHNICAL_FAILURE)) {
			assertThat(message(settled).isUnsettled()).as(settled).isFalse();
		}
	}

	@Test
	void aDeliveryReceiptChangesOnlyAMessageTheProviderTook() {
		assertThat(message(Notification.SENT).takesDeliveryReceipts()).isTrue();
		assertThat(message(Notification.SENDING).takesDeliveryReceipts()).as("the receipt overtook the sender")
			.isTrue();
		assertThat(message(Notification.CREATED).takesDeliveryReceipts()).isFalse();
		assertThat(message(Notification.DELIVERED).takesDeliveryReceipts()).isFalse();
		assertThat(message(Notification.PERMANENT_FAILURE).takesDeliveryReceipts()).isFalse();
	}

	@Test
	void onlyAMessageThatDidNotArriveAndWillNotByItselfIsSentAgain() {
		assertThat(message(Notification.PERMANENT_FAILURE).mayBeSentAgain()).isTrue();
		assertThat(message(Notification.TECHNICAL_FAILURE).mayBeSentAgain()).isTrue();
		assertThat(message(Notification.TEMPORARY_FAILURE).mayBeSentAgain()).as("it is still being tried").isFalse();
		assertThat(message(Notification.SENT).mayBeSentAgain()).isFalse();
		assertThat(message(Notification.DELIVERED).mayBeSentAgain()).isFalse();
	}

	@Test
	void aFailureToBeTriedAgainStaysQueuedAndQuietEveryOtherOutcomeLeavesTheQueueAndIsTold() {
		Notification message = message(Notification.SENDING);

		assertThat(Notification.staysQueued(Notification.TEMPORARY_FAILURE)).isTrue();
		assertThat(message.toldOnTheTimelineAs(Notification.TEMPORARY_FAILURE)).isFalse();
		for (String outcome : List.of(Notification.SENT, Notification.DELIVERED, Notification.PERMANENT_FAILURE,
				Notification.TECHNICAL_FAILURE)) {
			assertThat(Notification.staysQueued(outcome)).as(outcome).isFalse();
			assertThat(message.toldOnTheTimelineAs(outcome)).as(outcome).isTrue();
		}
	}

	@Test
	void aMessageAboutNoItemIsToldOnNoTimeline() {
		Notification digest = new Notification("d-1", null, "EMAIL", "OFFICER", "officer-digest", "en", "x@dak.local",
				"x…@dak.local", Map.of(), Notification.SENDING, null, 1, null, null, null, Instant.now(), Instant.now(),
				List.of());

		assertThat(digest.toldOnTheTimelineAs(Notification.SENT)).isFalse();
	}

	@Test
	void aMessageStoredByAnEarlierVersionIsReadInTodaysWords() {
		assertThat(message("SENT").status()).isEqualTo(Notification.SENT);
		assertThat(message("PENDING").status()).isEqualTo(Notification.TECHNICAL_FAILURE);
		assertThat(message("FAILED").mayBeSentAgain()).isTrue();
	}

	private static Notification message(String status) {
		return new Notification("n-1", "NAL-2026-000001-Q", "SMS", "APPLICANT", "received", "hi", "9876543210",
				"XXXXXX3210", Map.of(), status, null, null, null, null, null, Instant.now(), Instant.now(), null);
	}

}
