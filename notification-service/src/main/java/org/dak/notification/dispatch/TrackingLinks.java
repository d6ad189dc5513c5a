package org.dak.notification.dispatch;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.dak.contracts.ComplaintReceived;
import org.dak.support.seal.Sealing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The applicant's tracking link with their access code. The code arrives sealed for this
 * service alone; the link is kept in this service's own database and goes only to the
 * applicant.
 */
@Component
class TrackingLinks {

	private static final Logger log = LoggerFactory.getLogger(TrackingLinks.class);

	private final Sealing sealing;

	private final Counter unopened;

	TrackingLinks(Sealing sealing, MeterRegistry meters) {
		this.sealing = sealing.requireOpening();
		this.unopened = meters.counter("dak.notifications.unopened.codes");
	}

	/**
	 * The link for the receipt message: the page with {@code ?code=}. A code that cannot
	 * be opened (sealed for another key) leaves the page without it: the applicant still
	 * gets the message and the receipt number, and operators see the count.
	 */
	String trackingLink(ComplaintReceived event) {
		if (event.sealedAccessCode() == null) {
			// an event from before sealing: its link carries the code
			return event.trackingUrl();
		}
		try {
			return event.trackingUrl() + "?code=" + this.sealing.open(event.sealedAccessCode());
		}
		catch (IllegalArgumentException ex) {
			this.unopened.increment();
			log.error("The access code of {} is not sealed for this service's key (DAK_SEAL_PRIVATE_KEY); "
					+ "its receipt message goes without the code", event.complaintId());
			return event.trackingUrl();
		}
	}

	/** Opens a sealed one-time code. */
	String open(String sealed) {
		return this.sealing.open(sealed);
	}

}
