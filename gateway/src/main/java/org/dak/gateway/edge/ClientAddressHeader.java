package org.dak.gateway.edge;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Tells the services who called, as the gateway judged it ({@link ClientAddress}): the
 * header {@value #HEADER} on every routed request, in place of any a caller sent. Only
 * the gateway reaches the services, so they may count by it (one-time codes asked for an
 * item, per address).
 */
@Component
class ClientAddressHeader implements GlobalFilter, Ordered {

	static final String HEADER = "X-Dak-Client-Address";

	private final EdgeProperties edge;

	ClientAddressHeader(EdgeProperties edge) {
		this.edge = edge;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		String address = ClientAddress.of(exchange, this.edge.trustedProxies());
		ServerHttpRequest request = exchange.getRequest()
			.mutate()
			.headers((headers) -> headers.set(HEADER, address))
			.build();
		return chain.filter(exchange.mutate().request(request).build());
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 1;
	}

}
