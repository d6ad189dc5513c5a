package org.dak.gateway.edge;

import java.util.UUID;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Gives every request an ID ({@code X-Request-Id}): kept if the caller sent a well-formed
 * one, made otherwise, passed to the service and returned to the caller, so one call can
 * be followed through every log.
 */
@Component
public class RequestIdFilter implements GlobalFilter, Ordered {

	public static final String HEADER = "X-Request-Id";

	private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		String requestId = exchange.getRequest().getHeaders().getFirst(HEADER);
		if (!isWellFormed(requestId)) {
			requestId = UUID.randomUUID().toString();
		}
		String id = requestId;
		ServerHttpRequest request = exchange.getRequest()
			.mutate()
			.headers((headers) -> headers.set(HEADER, id))
			.build();
		exchange.getResponse().getHeaders().set(HEADER, id);
		// the service echoes the ID too: answer with exactly one
		exchange.getResponse().beforeCommit(() -> {
			exchange.getResponse().getHeaders().set(HEADER, id);
			return Mono.empty();
		});
		return chain.filter(exchange.mutate().request(request).build());
	}

	/**
	 * Whether a request ID may be kept and logged: up to 64 letters, digits, dots,
	 * underscores and hyphens (a longer one is not even looked at).
	 */
	public static boolean isWellFormed(String requestId) {
		return requestId != null && requestId.length() <= 64 && WELL_FORMED.matcher(requestId).matches();
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
