package org.dak.gateway.limits;

import java.time.Duration;
import java.time.Instant;
import java.security.Principal;

import reactor.core.publisher.Mono;

import org.dak.gateway.edge.ClientAddress;
import org.dak.gateway.edge.DatabaseUnavailable;
import org.dak.gateway.edge.EdgeProperties;
import org.dak.gateway.security.ProblemWriter;

import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Answers 429 with {@code Retry-After} once a client has used up its window: per client
 * address on the public doors (and for every other call without sign-in that may change
 * something), per signed-in user or adapter elsewhere.
 */
@Component
class RateLimitFilter implements WebFilter, Ordered {

	private final FixedWindowCounter counter;

	private final RateLimitProperties limits;

	private final EdgeProperties edge;

	RateLimitFilter(FixedWindowCounter counter, RateLimitProperties limits, EdgeProperties edge) {
		this.counter = counter;
		this.limits = limits;
		this.edge = edge;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String path = exchange.getRequest().getPath().value();
		HttpMethod method = exchange.getRequest().getMethod();
		if (path.startsWith("/actuator/")) {
			return chain.filter(exchange);
		}
		String address = ClientAddress.of(exchange, this.edge.trustedProxies());
		return exchange.getPrincipal().map(Principal::getName).map((name) -> {
			if (method == HttpMethod.POST && path.startsWith("/api/v1/auth/")) {
				return limit(exchange, chain, "sign-in:" + address, this.limits.signIn());
			}
			return limit(exchange, chain, "client:" + name, this.limits.signedIn());
		}).defaultIfEmpty(Mono.defer(() -> {
			if (path.startsWith("/api/v1/public/track/") || path.startsWith("/track/")
					|| path.startsWith("/api/v1/complaints/public/") || path.startsWith("/open311/v2/requests/")
					|| (method == HttpMethod.GET && path.startsWith("/open311/v2/requests."))) {
				return limit(exchange, chain, "tracking:" + address, this.limits.publicTracking());
			}
			if (method == HttpMethod.POST
					&& (path.equals("/api/v1/complaints") || path.startsWith("/open311/v2/requests."))) {
				return limit(exchange, chain, "submission:" + address, this.limits.publicSubmission());
			}
			if (method == HttpMethod.POST && path.startsWith("/api/v1/auth/")) {
				return limit(exchange, chain, "sign-in:" + address, this.limits.signIn());
			}
			if (method == HttpMethod.POST && path.equals("/api/v1/notifications/delivery-receipts")) {
				// the SMS provider's callbacks, one for every message sent
				return limit(exchange, chain, "delivery-receipts:" + address, this.limits.deliveryReceipts());
			}
			if (method != HttpMethod.GET && method != HttpMethod.HEAD && method != HttpMethod.OPTIONS) {
				// every other call without sign-in that may change something (and is
				// audited) counts too: no door is open without limit
				return limit(exchange, chain, "public-other:" + address, this.limits.publicOther());
			}
			return chain.filter(exchange);
		})).flatMap((next) -> next);
	}

	private Mono<Void> limit(ServerWebExchange exchange, WebFilterChain chain, String key, int allowed) {
		Duration window = this.limits.window();
		return this.counter.increment(key, window).flatMap((count) -> {
			if (count.count() <= allowed) {
				return chain.filter(exchange);
			}
			long retryAfter = Math.max(1, Duration.between(Instant.now(), count.windowEnds()).toSeconds());
			exchange.getResponse().getHeaders().set("Retry-After", String.valueOf(retryAfter));
			return ProblemWriter.write(exchange.getResponse(), HttpStatus.TOO_MANY_REQUESTS, "too-many-requests",
					"Too many requests", "Too many requests; try again in " + retryAfter + " seconds.");
		}).onErrorResume((ex) -> DatabaseUnavailable.answer(exchange, ex));
	}

	@Override
	public int getOrder() {
		// after Spring Security (-100): the caller is known
		return 10;
	}

}
