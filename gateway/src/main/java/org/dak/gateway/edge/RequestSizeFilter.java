package org.dak.gateway.edge;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.dak.gateway.security.ProblemWriter;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Refuses a request body larger than its route accepts (413) before any of it reaches a
 * service, and before it is held in memory:
 * <ul>
 * <li>a multipart upload (an item with its files) may be as large as the upload limit
 * only on the paths that take uploads, and without sign-in only where citizens upload (a
 * new item); every other body has the ordinary limit;</li>
 * <li>a body that says its length is judged by it;</li>
 * <li>a streamed (chunked) body under the ordinary limit is read whole and passed on only
 * if it fits; a streamed upload is passed on as it comes and counted, never held, and cut
 * off with 413 when it passes the limit.</li>
 * </ul>
 * An upload that stops sending is ended after the idle upload timeout
 * ({@link EdgeServerConfiguration}).
 */
@Component
class RequestSizeFilter implements WebFilter, Ordered {

	/** Where files are uploaded: a new item (citizens too), and staff's uploads. */
	private static final List<String> UPLOADS = List.of("/api/v1/complaints", "/api/v1/imports", "/api/v1/channels/fax",
			"/api/v1/cases/scan", "/api/v1/cases/*/steps");

	/** Where an upload may come without sign-in. */
	private static final String CITIZENS_UPLOAD = "/api/v1/complaints";

	private static final PathPatternParser PATTERNS = new PathPatternParser();

	private final long maxBytes;

	private final long maxUploadBytes;

	RequestSizeFilter(EdgeProperties properties) {
		this.maxBytes = properties.maxRequestSize().toBytes();
		this.maxUploadBytes = properties.maxUploadSize().toBytes();
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		HttpMethod method = request.getMethod();
		if (method != HttpMethod.POST && method != HttpMethod.PUT && method != HttpMethod.PATCH) {
			return chain.filter(exchange);
		}
		boolean upload = isUpload(request);
		long limit = upload ? this.maxUploadBytes : this.maxBytes;
		long length = request.getHeaders().getContentLength();
		boolean chunked = request.getHeaders().containsHeader("Transfer-Encoding");
		if (length > limit) {
			return tooLarge(exchange, limit);
		}
		if (length < 0 && chunked && !upload) {
			return DataBufferUtils.join(request.getBody(), (int) limit)
				.flatMap((body) -> chain.filter(
						exchange.mutate().request(RequestBodies.withBody(request, RequestBodies.bytes(body))).build()))
				.onErrorResume(DataBufferLimitException.class, (ex) -> tooLarge(exchange, limit));
		}
		if (length < 0 && chunked) {
			return chain.filter(exchange.mutate().request(counted(request, limit)).build())
				.onErrorResume(DataBufferLimitException.class,
						(ex) -> exchange.getResponse().isCommitted() ? Mono.error(ex) : tooLarge(exchange, limit));
		}
		return chain.filter(exchange);
	}

	/**
	 * Whether the request may be as large as an upload: multipart, on a path that takes
	 * uploads, and signed in (or with an adapter's key) unless it is a citizen's new
	 * item. Whether the credentials are good is the security chain's to say, after this.
	 */
	static boolean isUpload(ServerHttpRequest request) {
		MediaType type = request.getHeaders().getContentType();
		if (type == null || !MediaType.MULTIPART_FORM_DATA.includes(type)) {
			return false;
		}
		PathContainer path = request.getPath().pathWithinApplication();
		if (UPLOADS.stream().noneMatch((pattern) -> PATTERNS.parse(pattern).matches(path))) {
			return false;
		}
		boolean credentials = request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)
				|| request.getHeaders().containsHeader("X-Api-Key");
		return credentials || PATTERNS.parse(CITIZENS_UPLOAD).matches(path);
	}

	/** The request, its body counted as it streams through and cut off past the limit. */
	private static ServerHttpRequest counted(ServerHttpRequest request, long limit) {
		return new ServerHttpRequestDecorator(request) {
			@Override
			public Flux<DataBuffer> getBody() {
				return Flux.defer(() -> {
					AtomicLong seen = new AtomicLong();
					return super.getBody().map((buffer) -> {
						if (seen.addAndGet(buffer.readableByteCount()) > limit) {
							DataBufferUtils.release(buffer);
							throw new DataBufferLimitException("A request body may be at most " + limit + " bytes.");
						}
						return buffer;
					});
				});
			}
		};
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
