package org.dak.gateway.audit;

import java.security.Principal;

import reactor.core.publisher.Mono;

import org.dak.gateway.edge.ClientAddress;
import org.dak.gateway.edge.EdgeProperties;
import org.dak.gateway.edge.RequestIdFilter;

import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Records every state-changing call (anything but GET, HEAD and OPTIONS) once it has been
 * answered: who, what, the outcome, from where, and the request ID.
 */
@Component
class AuditFilter implements WebFilter, Ordered {

	private final AuditTrail trail;

	private final EdgeProperties edge;

	AuditFilter(AuditTrail trail, EdgeProperties edge) {
		this.trail = trail;
		this.edge = edge;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		HttpMethod method = exchange.getRequest().getMethod();
		if (method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS) {
			return chain.filter(exchange);
		}
		return chain.filter(exchange)
			.then(Mono.defer(() -> record(exchange)))
			.onErrorResume((ex) -> Mono.defer(() -> record(exchange)).then(Mono.error(ex)));
	}

	private Mono<Void> record(ServerWebExchange exchange) {
		HttpStatusCode status = exchange.getResponse().getStatusCode();
		return exchange.getPrincipal()
			.map(Principal::getName)
			.defaultIfEmpty("anonymous")
			.flatMap((actor) -> this.trail.record(actor,
					exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath().value(),
					(status != null) ? String.valueOf(status.value()) : "unknown",
					ClientAddress.of(exchange, this.edge.trustedProxies()),
					exchange.getRequest().getHeaders().getFirst(RequestIdFilter.HEADER)));
	}

	@Override
	public int getOrder() {
		// after Spring Security (-100), so the principal is known
		return 0;
	}

}
