package org.dak.gateway.audit;

import java.security.Principal;
import java.util.List;
import java.util.stream.Stream;

import reactor.core.publisher.Mono;

import org.dak.gateway.edge.ClientAddress;
import org.dak.gateway.edge.EdgeProperties;
import org.dak.gateway.edge.RequestIdFilter;
import org.dak.gateway.security.ProblemWriter;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Records every state-changing call (anything but GET, HEAD and OPTIONS), and every read
 * that shows an item's access code, once it has been answered: who, what, the outcome,
 * from where, and the request ID. A call that could not be recorded is refused before it
 * is carried out (503 with {@code Retry-After}).
 */
@Component
class AuditFilter implements WebFilter, Ordered {

	/** The reads that show an item's access code. */
	private static final List<PathPattern> ACCESS_CODE_READS = Stream
		.of("/api/v1/complaints/*/receipt", "/api/v1/complaints/*/receipt.pdf", "/api/v1/complaints/*/receipt.html",
				"/api/v1/complaints/*/qr.png")
		.map(new PathPatternParser()::parse)
		.toList();

	private final AuditTrail trail;

	private final EdgeProperties edge;

	AuditFilter(AuditTrail trail, EdgeProperties edge) {
		this.trail = trail;
		this.edge = edge;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		HttpMethod method = exchange.getRequest().getMethod();
		boolean reads = method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS;
		if (reads && !revealsAnAccessCode(exchange)) {
			return chain.filter(exchange);
		}
		if (!this.trail.hasRoom()) {
			// the database has been away so long that the trail holds all it may: the
			// call is not carried out, rather than carried out unaudited
			exchange.getResponse()
				.getHeaders()
				.set(HttpHeaders.RETRY_AFTER, String.valueOf(this.trail.retryAfter().toSeconds()));
			return ProblemWriter.write(exchange.getResponse(), HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
					"Service unavailable",
					"The system cannot record this action in its audit trail just now; nothing was done. "
							+ "Please try again shortly.");
		}
		return chain.filter(exchange)
			.then(Mono.defer(() -> record(exchange)))
			.onErrorResume((ex) -> Mono.defer(() -> record(exchange)).then(Mono.error(ex)));
	}

	/**
	 * A read that shows an item's access code (the receipt, printed or not, and its QR
	 * code, which holds the tracking link with the code): whoever holds the code can act
	 * as the applicant, so each such read is on the trail with its reader.
	 */
	static boolean revealsAnAccessCode(ServerWebExchange exchange) {
		PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
		return ACCESS_CODE_READS.stream().anyMatch((pattern) -> pattern.matches(path));
	}

	private Mono<Void> record(ServerWebExchange exchange) {
		HttpStatusCode status = exchange.getResponse().getStatusCode();
		return exchange.getPrincipal()
			.map(Principal::getName)
			.defaultIfEmpty("anonymous")
			.flatMap((actor) -> this.trail.record(actor,
					exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath().value(),
					(status != null) ? String.valueOf(status.value()) : "unknown",
					ClientAddress.of(exchange, this.edge.trustedProxies()), requestId(exchange)));
	}

	/**
	 * The ID the call was answered with (a routed call's, checked or made by
	 * {@link RequestIdFilter}), else the caller's if it is well formed, else none: never
	 * what a caller sent unchecked.
	 */
	private static String requestId(ServerWebExchange exchange) {
		String answered = exchange.getResponse().getHeaders().getFirst(RequestIdFilter.HEADER);
		if (RequestIdFilter.isWellFormed(answered)) {
			return answered;
		}
		String sent = exchange.getRequest().getHeaders().getFirst(RequestIdFilter.HEADER);
		return RequestIdFilter.isWellFormed(sent) ? sent : null;
	}

	@Override
	public int getOrder() {
		// after Spring Security (-100), so the principal is known
		return 0;
	}

}
