package org.dak.gateway.limits;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Requests allowed per window.
 *
 * @param window the length of one counting window
 * @param publicTracking per client address, public tracking
 * @param publicSubmission per client address, submissions without sign-in
 * @param signIn per client address, sign-in and refresh
 * @param signedIn per signed-in user or adapter, everything else
 * @param publicOther per client address, any other call without sign-in that may change
 * something (preferences, anything the access table lets through)
 * @param deliveryReceipts per client address, the SMS provider's delivery receipts
 * @param shared whether the gateway instances on one database share their counts (else
 * each counts alone, in memory)
 * @param syncInterval how often an instance adds its counts to the shared ones
 */
@ConfigurationProperties("dak.gateway.rate-limits")
public record RateLimitProperties(@DefaultValue("1m") Duration window, @DefaultValue("30") int publicTracking,
		@DefaultValue("10") int publicSubmission, @DefaultValue("10") int signIn, @DefaultValue("600") int signedIn,
		@DefaultValue("60") int publicOther, @DefaultValue("12000") int deliveryReceipts,
		@DefaultValue("false") boolean shared, @DefaultValue("1s") Duration syncInterval) {
}
