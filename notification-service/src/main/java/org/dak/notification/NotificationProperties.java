package org.dak.notification;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where messages go and how hard we try.
 *
 * @param mailFrom the sender of every e-mail
 * @param officeName the office named in messages
 * @param dmEmail where escalations go (the DM's office)
 * @param sms the SMS provider
 * @param mail the mail relay's limits
 * @param retry how provider calls are retried, now and later
 * @param circuitBreaker when a failing provider is left alone for a while
 * @param officerDigest one mail a day to each office instead of one per item
 */
@Validated
@ConfigurationProperties("dak.notification")
public record NotificationProperties(@DefaultValue("dak@collectorate.local") @Email String mailFrom,
		@DefaultValue("Collectorate, Nalanda") @NotBlank String officeName,
		@DefaultValue("dm.nalanda@dak.local") @Email String dmEmail, @Valid @NotNull Sms sms,
		@Valid @DefaultValue Mail mail, @Valid @DefaultValue Retry retry,
		@Valid @DefaultValue CircuitBreaker circuitBreaker, @Valid @DefaultValue OfficerDigest officerDigest) {

	/**
	 * The longest a provider's call plus its sender's database work is planned to take.
	 */
	static final Duration ROUND_TRIP_ALLOWED = Duration.ofMillis(100);

	/**
	 * The HTTP SMS provider: any JSON or form API that takes a number, a text, a sender
	 * ID, a template ID and our reference.
	 *
	 * @param url where messages are POSTed
	 * @param apiKey sent as a bearer token (or in {@code apiKeyHeader})
	 * @param apiKeyHeader the header the key goes in; {@code Authorization} sends
	 * {@code Bearer <key>}
	 * @param senderId the registered sender ID (TRAI DLT header)
	 * @param format {@code json} or {@code form}
	 * @param fields the provider's field names for {@code to}, {@code message},
	 * {@code sender}, {@code templateId} and {@code reference}
	 * @param numberPrefix put before the ten-digit number, e.g. {@code +91} or {@code 91}
	 * @param callbackToken the secret the provider sends (header
	 * {@code X-Dak-Callback-Token}) with delivery receipts; none: receipts are refused
	 * @param connectTimeout connection timeout
	 * @param readTimeout read timeout
	 * @param ratePerSecond messages per second the provider allows
	 * @param concurrentCalls calls in flight at once (senders); 0: enough for the rate
	 * (see {@link NotificationProperties#callsAtOnce})
	 */
	public record Sms(@NotNull URI url, @DefaultValue("") String apiKey,
			@DefaultValue("Authorization") String apiKeyHeader, @DefaultValue("DAKNAL") String senderId,
			@DefaultValue("json") @Pattern(regexp = "json|form") String format,
			@DefaultValue Map<String, String> fields, @DefaultValue("+91") String numberPrefix,
			@DefaultValue("") String callbackToken, @DefaultValue("2s") Duration connectTimeout,
			@DefaultValue("5s") Duration readTimeout, @DefaultValue("20") @Min(1) int ratePerSecond,
			@DefaultValue("0") @Min(0) int concurrentCalls) {

		/** Senders (and calls in flight) this provider gets. */
		public int callsAtOnce() {
			return NotificationProperties.callsAtOnce(this.concurrentCalls, this.ratePerSecond);
		}

		/** The provider's name for one of our fields. */
		public String field(String ours) {
			return this.fields.getOrDefault(ours, ours);
		}

	}

	/**
	 * The mail relay's limits.
	 *
	 * @param ratePerSecond messages per second
	 * @param concurrentCalls connections at once (senders); 0: enough for the rate (see
	 * {@link NotificationProperties#callsAtOnce})
	 */
	public record Mail(@DefaultValue("20") @Min(1) int ratePerSecond, @DefaultValue("0") @Min(0) int concurrentCalls) {

		/** Senders (and connections at once) the mail relay gets. */
		public int callsAtOnce() {
			return NotificationProperties.callsAtOnce(this.concurrentCalls, this.ratePerSecond);
		}

	}

	/**
	 * How many calls a provider gets at once: as configured, or else enough to keep its
	 * rate when one call (with the database work around it) takes up to
	 * {@link #ROUND_TRIP_ALLOWED}, and never fewer than four. A sender waits for its
	 * call, so fewer senders than rate × round trip cannot keep the rate whatever the
	 * backlog.
	 */
	static int callsAtOnce(int configured, int ratePerSecond) {
		if (configured > 0) {
			return configured;
		}
		return Math.max(4, (int) Math.ceil(ratePerSecond * ROUND_TRIP_ALLOWED.toMillis() / 1000.0));
	}

	/**
	 * Retries: a few quick ones within one send, then later sends with growing waits, for
	 * a bounded time (time-outs, 5xx and 429 only; other refusals are final).
	 *
	 * @param maxAttempts attempts within one send
	 * @param initialBackoff the first wait within a send; it doubles, with jitter
	 * @param attemptTimeout how long one attempt may take before it is given up
	 * @param laterBackoff the first wait before a later send; it doubles, with jitter
	 * @param maxLaterBackoff the longest wait between later sends
	 * @param window how long a message is tried before it is marked a technical failure
	 * @param senderInterval how often due messages are looked for
	 * @param claimFor how long a sender holds a message (a crashed sender's messages are
	 * taken up again after this)
	 */
	public record Retry(@DefaultValue("2") @Min(1) int maxAttempts, @DefaultValue("500ms") Duration initialBackoff,
			@DefaultValue("10s") Duration attemptTimeout, @DefaultValue("30s") Duration laterBackoff,
			@DefaultValue("15m") Duration maxLaterBackoff, @DefaultValue("24h") Duration window,
			@DefaultValue("1s") Duration senderInterval, @DefaultValue("2m") Duration claimFor) {
	}

	/**
	 * The circuit breaker of each provider.
	 *
	 * @param minimumCalls calls in the window before the failure rate counts
	 * @param failureRate percentage of failed calls that opens the circuit
	 * @param openFor how long an open circuit refuses calls before trying again
	 */
	public record CircuitBreaker(@DefaultValue("10") @Min(1) int minimumCalls,
			@DefaultValue("50") @Min(1) int failureRate, @DefaultValue("30s") Duration openFor) {
	}

	/**
	 * Officers' alerts gathered into one mail a day.
	 *
	 * @param enabled gather marking alerts and reminders instead of mailing each
	 * @param cron when the digest goes out (office time)
	 */
	public record OfficerDigest(@DefaultValue("false") boolean enabled,
			@DefaultValue("0 0 9 * * MON-SAT") String cron) {
	}

}
