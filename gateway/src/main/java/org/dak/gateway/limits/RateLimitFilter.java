package org.dak.gateway.limits;

import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import reactor.core.publisher.Mono;

import org.dak.gateway.edge.ClientAddress;
import org.dak.gateway.edge.DatabaseUnavailable;
import org.dak.gateway.edge.EdgeProperties;
import org.dak.gateway.security.ProblemWriter;

import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
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
		String path = normalised(exchange.getRequest().getPath().pathWithinApplication());
		HttpMethod method = exchange.getRequest().getMethod();
		if (path.startsWith("/actuator/")) {
			return chain.filter(exchange);
		}
		String address = ClientAddress.of(exchange, this.edge.trustedProxies());
		return exchange.getPrincipal()
			.map(Principal::getName)
			.map((name) -> (isSignIn(method, path)) ? limit(exchange, chain, "sign-in:" + address, this.limits.signIn())
					: limit(exchange, chain, "client:" + name, this.limits.signedIn()))
			.defaultIfEmpty(Mono.defer(() -> {
				Door door = anonymous(method, path);
				return (door != null) ? limit(exchange, chain, door.key + ":" + address, door.allowed(this.limits))
						: chain.filter(exchange);
			}))
			.flatMap((next) -> next);
	}

	/** The doors without sign-in that have a limit, each with a count of its own. */
	enum Door {

		TRACKING("tracking"), SUBMISSION("submission"), SIGN_IN("sign-in"),
		/** The SMS provider's callbacks, one for every message sent. */
		DELIVERY_RECEIPTS("delivery-receipts"),
		/**
		 * Every other call without sign-in that may change something (and is audited): no
		 * door is open without limit.
		 */
		PUBLIC_OTHER("public-other");

		private final String key;

		Door(String key) {
			this.key = key;
		}

		int allowed(RateLimitProperties limits) {
			return switch (this) {
				case TRACKING -> limits.publicTracking();
				case SUBMISSION -> limits.publicSubmission();
				case SIGN_IN -> limits.signIn();
				case DELIVERY_RECEIPTS -> limits.deliveryReceipts();
				case PUBLIC_OTHER -> limits.publicOther();
			};
		}

	}

	/**
	 * Which limited door a call without sign-in comes through, if any.
	 * @param method the call's method
	 * @param path its path, {@link #normalised normalised}
	 * @return the door, or {@code null} for an unlimited read
	 */
	static Door anonymous(HttpMethod method, String path) {
		if (path.startsWith("/api/v1/public/track/") || path.startsWith("/track/")
				|| path.startsWith("/api/v1/complaints/public/") || path.startsWith("/open311/v2/requests/")
				|| (method == HttpMethod.GET && path.startsWith("/open311/v2/requests."))) {
			return Door.TRACKING;
		}
		if (method == HttpMethod.POST
				&& (path.equals("/api/v1/complaints") || path.startsWith("/open311/v2/requests."))) {
			return Door.SUBMISSION;
		}
		if (isSignIn(method, path)) {
			return Door.SIGN_IN;
		}
		if (method == HttpMethod.POST && path.equals("/api/v1/notifications/delivery-receipts")) {
			return Door.DELIVERY_RECEIPTS;
		}
		if (method != HttpMethod.GET && method != HttpMethod.HEAD && method != HttpMethod.OPTIONS) {
			return Door.PUBLIC_OTHER;
		}
		return null;
	}

	private static boolean isSignIn(HttpMethod method, String path) {
		return method == HttpMethod.POST && path.startsWith("/api/v1/auth/");
	}

	/**
	 * The path as routing and the access table match it: each segment percent-decoded and
	 * without its {@code ;} parameters, empty segments (double and trailing slashes) left
	 * out; and in lower case, so that no spelling of a limited path escapes its count.
	 * @param path the request's path
	 * @return e.g. {@code /api/v1/auth/sign-in} for {@code /API/v1/auth/sign%2Din/}
	 */
	static String normalised(PathContainer path) {
		StringBuilder normalised = new StringBuilder();
		for (PathContainer.Element element : path.elements()) {
			if (element instanceof PathContainer.PathSegment segment && !segment.valueToMatch().isEmpty()) {
				normalised.append('/').append(segment.valueToMatch());
			}
		}
		return (normalised.length() == 0) ? "/" : normalised.toString().toLowerCase(Locale.ROOT);
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
