package org.dak.gateway.audit;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the audit trail waits for its database ({@code dak.gateway.audit.flush-interval},
 * how often what waits is written, is read by the trail's schedule).
 *
 * @param maxPending how many entries may wait at most; once as many wait, a
 * state-changing call is refused (503 with {@code Retry-After}) rather than left
 * unaudited
 * @param retryAfter what such a refusal tells the caller to wait
 * @param journal the folder where every waiting entry is also appended, so that a crash
 * of the gateway loses none: one folder for each gateway instance, kept across its
 * restarts
 */
@ConfigurationProperties("dak.gateway.audit")
record AuditProperties(@DefaultValue("10000") int maxPending, @DefaultValue("10s") Duration retryAfter, Path journal) {
}
