package org.dak.gateway.edge;

import org.dak.platform.GeoReport;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * On the Open311 paths, the gateway's own errors (a refused key, too many requests, a
 * service not answering, a body too large) are the GeoReport standard's list of
 * {@code code} and {@code description}, in the form the path asks for, like the services'
 * errors there; everywhere else they stay problem documents.
 */
@Component
class GeoReportErrors implements WebFilter, Ordered {

	private static final MediaType JSON = MediaType.parseMediaType("application/json;charset=UTF-8");

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String path = exchange.getRequest().getPath().value();
		if (!path.startsWith("/open311/")) {
			return chain.filter(exchange);
		}
		boolean xml = GeoReport.wantsXml(path);
		ServerHttpResponseDecorator response = new ServerHttpResponseDecorator(exchange.getResponse()) {

			@Override
			public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
				HttpStatusCode status = getStatusCode();
				MediaType type = getHeaders().getContentType();
				if (status == null || !status.isError() || type == null
						|| !MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(type)) {
					return super.writeWith(body);
				}
				return DataBufferUtils.join(body).flatMap((buffer) -> {
					byte[] problem = new byte[buffer.readableByteCount()];
					buffer.read(problem);
					DataBufferUtils.release(buffer);
					byte[] error = GeoReport.errorFromProblem(xml, status.value(), problem);
					getHeaders().setContentType(xml ? GeoReport.XML : JSON);
					getHeaders().setContentLength(error.length);
					return super.writeWith(Mono.just(bufferFactory().wrap(error)));
				});
			}

		};
		return chain.filter(exchange.mutate().response(response).build());
	}

	@Override
	public int getOrder() {
		// around every filter that may answer with an error
		return Ordered.HIGHEST_PRECEDENCE + 1;
	}

}
