package org.dak.notification;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where messages go and how hard we try.
 *
 * @param mailFrom the sender of every e-mail
 * @param officeName the office named in messages
 * @param sms the SMS provider
 * @param retry how provider calls are retried
 * @param circuitBreaker when a failing provider is left alone for a while
 */
@Validated
@ConfigurationProperties("dak.notification")
public record NotificationProperties(@DefaultValue("dak@collectorate.local") @Email String mailFrom,
		@DefaultValue("Collectorate, Nalanda") @NotBlank String officeName, @Valid @NotNull Sms sms,
		@Valid @DefaultValue Retry retry, @Valid @DefaultValue CircuitBreaker circuitBreaker) {

	/**
	 * The HTTP SMS provider (a generic JSON API).
	 *
	 * @param url where messages are POSTed
	 * @param apiKey sent as a bearer token
	 * @param senderId the registered sender ID (TRAI DLT header)
	 * @param connectTimeout connection timeout
	 * @param readTimeout read timeout
	 */
	public record Sms(@NotNull URI url, @DefaultValue("") String apiKey, @DefaultValue("DAKNAL") String senderId,
			@DefaultValue("2s") Duration connectTimeout, @DefaultValue("5s") Duration readTimeout) {
	}

	/**
	 * Retries of a provider call, on time-outs, 5xx and 429 only.
	 *
	 * @param maxAttempts attempts in all
	 * @param initialBackoff the first wait; it doubles, with jitter
	 * @param attemptTimeout how long one attempt may take before it is given up
	 */
	public record Retry(@DefaultValue("3") @Min(1) int maxAttempts, @DefaultValue("500ms") Duration initialBackoff,
			@DefaultValue("10s") Duration attemptTimeout) {
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

}
