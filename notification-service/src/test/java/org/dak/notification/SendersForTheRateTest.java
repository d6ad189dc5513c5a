package org.dak.notification;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sender waits for its call, so a channel keeps its provider's rate only with at least
 * rate × round trip senders; unless told otherwise it gets that many.
 */
class SendersForTheRateTest {

	@Test
	void aProviderAllowingTwoHundredASecondGetsEnoughSendersForATenthOfASecondEach() {
		assertThat(NotificationProperties.callsAtOnce(0, 200)).isEqualTo(20);
		assertThat(NotificationProperties.callsAtOnce(0, 75)).isEqualTo(8);
	}

	@Test
	void aSlowProviderStillGetsFourSenders() {
		assertThat(NotificationProperties.callsAtOnce(0, 20)).isEqualTo(4);
		assertThat(NotificationProperties.callsAtOnce(0, 1)).isEqualTo(4);
	}

	@Test
	void aConfiguredNumberOfCallsIsKept() {
		assertThat(NotificationProperties.callsAtOnce(2, 200)).isEqualTo(2);
	}

}
