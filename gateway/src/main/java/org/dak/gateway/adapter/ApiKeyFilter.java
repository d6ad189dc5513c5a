package org.dak.gateway.adapter;

import java.util.List;
import java.util.Optional;

import reactor.core.publisher.Mono;

import org.dak.gateway.account.Secrets;
import org.dak.gateway.edge.DatabaseUnavailable;
import org.dak.gateway.security.ProblemWriter;
import org.dak.platform.Roles;
import org.dak.gateway.security.TokenIssuer;

import org.springframework.core.Ordered;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Turns a valid {@code X-Api-Key} into a short-lived access token for its channel, before
 * the token check; an unknown or revoked key is refused (401) there and then. The key
 * itself never goes past the gateway.
 */
@Component
class ApiKeyFilter implements WebFilter, Ordered {

	static final String HEADER = "X-Api-Key";

	private final ReactiveMongoTemplate mongo;

	private final TokenIssuer tokens;

	ApiKeyFilter(ReactiveMongoTemplate mongo, TokenIssuer tokens) {
		this.mongo = mongo;
		this.tokens = tokens;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String key = exchange.getRequest().getHeaders().getFirst(HEADER);
		if (key == null) {
			return chain.filter(exchange);
		}
		Query active = Query.query(Criteria.where("keyHash").is(Secrets.sha256(key)).and("revokedAt").is(null));
		return this.mongo.findOne(active, AdapterKey.class)
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.flatMap((found) -> found.isPresent() ? chain.filter(withToken(exchange, found.get()))
					: ProblemWriter.write(exchange.getResponse(), HttpStatus.UNAUTHORIZED, "invalid-api-key",
							"Invalid API key", "This API key is not valid or has been revoked."))
			.onErrorResume((ex) -> DatabaseUnavailable.answer(exchange, ex));
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
