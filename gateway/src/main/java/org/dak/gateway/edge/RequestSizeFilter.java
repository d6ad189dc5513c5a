package org.dak.gateway.edge;

import reactor.core.publisher.Mono;

import org.dak.gateway.security.ProblemWriter;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Refuses a request body larger than the limit (413) before any of it reaches a service.
 * A body that says its length is judged by it; a streamed (chunked) one is read up to the
 * limit, and passed on only if it fits.
 */
@Component
class RequestSizeFilter implements WebFilter, Ordered {

	private final long maxBytes;

	private final long maxUploadBytes;

	RequestSizeFilter(EdgeProperties properties) {
		this.maxBytes = properties.maxRequestSize().toBytes();
		this.maxUploadBytes = properties.maxUploadSize().toBytes();
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		HttpMethod method = exchange.getRequest().getMethod();
		if (method != HttpMethod.POST && method != HttpMethod.PUT && method != HttpMethod.PATCH) {
			return chain.filter(exchange);
		}
		MediaType type = exchange.getRequest().getHeaders().getContentType();
		long limit = (type != null && MediaType.MULTIPART_FORM_DATA.includes(type)) ? this.maxUploadBytes
				: this.maxBytes;
		long length = exchange.getRequest().getHeaders().getContentLength();
		boolean chunked = exchange.getRequest().getHeaders().containsHeader("Transfer-Encoding");
		if (length > limit) {
			return tooLarge(exchange, limit);
		}
		if (length < 0 && chunked) {
			return DataBufferUtils.join(exchange.getRequest().getBody(), (int) limit)
				.flatMap((body) -> chain.filter(exchange.mutate()
					.request(RequestBodies.withBody(exchange.getRequest(), RequestBodies.bytes(body)))
					.build()))
				.onErrorResume(DataBufferLimitException.class, (ex) -> tooLarge(exchange, limit));
		}
		return chain.filter(exchange);
	}

	private Mono<Void> tooLarge(ServerWebExchange exchange, long limit) {
		// the rest of the body is never read: the connection ends with the answer, so a
		// client that goes on sending cannot stall the next request on it
		exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
		return ProblemWriter.write(exchange.getResponse(), HttpStatus.CONTENT_TOO_LARGE, "request-too-large",
				"Request too large", "A request body may be at most " + limit + " bytes.");
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

}
