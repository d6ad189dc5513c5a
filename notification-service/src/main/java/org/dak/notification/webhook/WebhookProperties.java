package org.dak.notification.webhook;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How webhooks are delivered.
 *
 * @param firstRetry the wait after the first failed attempt; it doubles after each
 * @param maxBackoff the longest wait between two attempts
 * @param giveUpAfter how long after the event a delivery is still tried; then it is
 * failed (and can be sent again from the log)
 * @param interval how often the sender looks for deliveries that are due
 * @param timeout how long a subscriber may take to answer one attempt
 * @param claimFor how long a sender holds a delivery it is sending (another sender takes
 * it after that, if the first died)
 * @param senders how many subscribers are sent to at once: a slow one holds up only its
 * own deliveries
 * @param privateTargets hosts, as written in subscribers' URLs, that may be sent to
 * although they are in this system's own network (see {@link WebhookTargets})
 */
@ConfigurationProperties("dak.notification.webhooks")
record WebhookProperties(@DefaultValue("10s") Duration firstRetry, @DefaultValue("10m") Duration maxBackoff,
		@DefaultValue("24h") Duration giveUpAfter, @DefaultValue("1s") Duration interval,
		@DefaultValue("5s") Duration timeout, @DefaultValue("1m") Duration claimFor, @DefaultValue("4") int senders,
		@DefaultValue List<String> privateTargets) {
}
