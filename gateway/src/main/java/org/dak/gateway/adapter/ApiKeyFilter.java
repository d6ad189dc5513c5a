package org.dak.gateway.adapter;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import reactor.core.publisher.Mono;

import org.dak.gateway.account.Secrets;
import org.dak.gateway.edge.DatabaseUnavailable;
import org.dak.gateway.edge.RequestBodies;
import org.dak.gateway.security.ProblemWriter;
import org.dak.platform.Roles;
import org.dak.gateway.security.TokenIssuer;

import org.springframework.core.Ordered;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Turns a valid {@code X-Api-Key} into a short-lived access token for its channel, before
 * the token check; an unknown or revoked key is refused (401) there and then. Open311
 * apps may send their key as the standard has it, an {@code api_key} parameter in the
 * query or in the form they post; a bad one is refused with the standard's 403. The key
 * itself never goes past the gateway. An empty key is no key (Open311 clients such as
 * Code for America's {@code three} send {@code api_key=} when they have none): the call
 * goes on anonymously, as without it.
 */
@Component
class ApiKeyFilter implements WebFilter, Ordered {

	static final String HEADER = "X-Api-Key";

	static final String PARAMETER = "api_key";

	private static final String OPEN311 = "/open311/";

	private final ReactiveMongoTemplate mongo;

	private final TokenIssuer tokens;

	ApiKeyFilter(ReactiveMongoTemplate mongo, TokenIssuer tokens) {
		this.mongo = mongo;
		this.tokens = tokens;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String key = exchange.getRequest().getHeaders().getFirst(HEADER);
		if (key != null && !key.isBlank()) {
			return checked(exchange, chain, key);
		}
		ServerHttpRequest request = exchange.getRequest();
		if (!request.getPath().value().startsWith(OPEN311)) {
			return chain.filter(exchange);
		}
		String inQuery = request.getQueryParams().getFirst(PARAMETER);
		if (inQuery != null) {
			URI without = UriComponentsBuilder.fromUri(request.getURI())
				.replaceQueryParam(PARAMETER)
				.build(true)
				.toUri();
			ServerWebExchange stripped = exchange.mutate().request(request.mutate().uri(without).build()).build();
			return inQuery.isBlank() ? chain.filter(stripped) : checked(stripped, chain, inQuery);
		}
		if (request.getMethod() != HttpMethod.POST || request.getHeaders().getContentType() == null
				|| !MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(request.getHeaders().getContentType())) {
			return chain.filter(exchange);
		}
		return DataBufferUtils.join(request.getBody())
			.map(RequestBodies::bytes)
			.defaultIfEmpty(new byte[0])
			.flatMap((body) -> {
				Form form = Form.read(new String(body, StandardCharsets.UTF_8));
				ServerWebExchange withBody = exchange.mutate()
					.request(RequestBodies.withBody(request, form.without()))
					.build();
				return (form.key() != null && !form.key().isBlank()) ? checked(withBody, chain, form.key())
						: chain.filter(withBody);
			});
	}

	private Mono<Void> checked(ServerWebExchange exchange, WebFilterChain chain, String key) {
		Query active = Query.query(Criteria.where("keyHash").is(Secrets.sha256(key)).and("revokedAt").is(null));
		return this.mongo.findOne(active, AdapterKey.class)
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.flatMap((found) -> found.isPresent() ? chain.filter(withToken(exchange, found.get())) : refused(exchange))
			.onErrorResume((ex) -> DatabaseUnavailable.answer(exchange, ex));
	}

	private static Mono<Void> refused(ServerWebExchange exchange) {
		if (exchange.getRequest().getPath().value().startsWith(OPEN311)) {
			return ProblemWriter.write(exchange.getResponse(), HttpStatus.FORBIDDEN, "invalid-api-key",
					"Invalid api_key", "This api_key is not valid or has been revoked.");
		}
		return ProblemWriter.write(exchange.getResponse(), HttpStatus.UNAUTHORIZED, "invalid-api-key",
				"Invalid API key", "This API key is not valid or has been revoked.");
	}

	/**
	 * A posted form's {@code api_key}, and the form without it, as it was written.
	 */
	private record Form(String key, byte[] without) {

		static Form read(String body) {
			String key = null;
			StringBuilder rest = new StringBuilder();
			for (String pair : body.split("&")) {
				String name = pair.split("=", 2)[0];
				if (PARAMETER.equals(decode(name))) {
					key = (key == null && pair.contains("=")) ? decode(pair.split("=", 2)[1]) : key;
				}
				else if (!pair.isEmpty()) {
					rest.append((rest.length() > 0) ? "&" : "").append(pair);
				}
			}
			return new Form(key, rest.toString().getBytes(StandardCharsets.UTF_8));
		}

		private static String decode(String text) {
			try {
				return URLDecoder.decode(text, StandardCharsets.UTF_8);
			}
			catch (IllegalArgumentException ex) {
				// left as it is: the service answers the malformed form
				return text;
			}
		}

	}

	private ServerWebExchange withToken(ServerWebExchange exchange, AdapterKey adapter) {
		String token = this.tokens.issue(new TokenIssuer.Subject("adapter:" + adapter.name(),
				List.of(Roles.CHANNEL_ADAPTER), null, null, adapter.channel()));
		ServerHttpRequest request = exchange.getRequest().mutate().headers((headers) -> {
			headers.remove(HEADER);
			headers.set(HttpHeaders.AUTHORIZATION, "Bearer " + token);
		}).build();
		return exchange.mutate().request(request).build();
	}

	@Override
	public int getOrder() {
		// before Spring Security's filter chain (-100)
		return -200;
	}

}
