/**
 * The providers: SMTP for e-mail and an HTTP SMS gateway, each behind a circuit breaker
 * and bounded retries with backoff (Resilience4j).
 */
package org.dak.notification.delivery;
