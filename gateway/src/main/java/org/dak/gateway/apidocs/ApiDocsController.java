package org.dak.gateway.apidocs;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.dak.gateway.balancing.ServiceInstances;
import org.springdoc.webflux.api.OpenApiWebfluxResource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreakerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * {@code GET /api/v1/openapi.json}: the whole system's REST API, put together from the
 * gateway's own description and each service's ({@code /v3/api-docs} on the service, not
 * reachable from outside). A service that does not answer is described as it last did, or
 * named under {@code info.x-dak-missing} until it answers.
 * {@code GET /api/v1/asyncapi.json}: the topics and their events (AsyncAPI 3).
 */
@RestController
@EnableConfigurationProperties(ApiDocsProperties.class)
class ApiDocsController {

	private static final Log logger = LogFactory.getLog(ApiDocsController.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int DOCUMENT_LIMIT = 4 * 1024 * 1024;

	private final ApiDocsProperties properties;

	private final OpenApiWebfluxResource own;

	private final ReactiveCircuitBreakerFactory<?, ?> breakers;

	private final WebClient client;

	private final Map<String, JsonNode> lastRead = new ConcurrentHashMap<>();

	private final JsonNode asyncApi;

	private final String version;

	private final ServiceInstances instances;

	ApiDocsController(ApiDocsProperties properties, ServiceInstances instances, OpenApiWebfluxResource own,
			ReactiveCircuitBreakerFactory<?, ?> breakers) {
		this.properties = properties;
		this.instances = instances;
		this.own = own;
		this.breakers = breakers;
		this.client = WebClient.builder()
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(DOCUMENT_LIMIT))
			.build();
		this.version = Optional.ofNullable(ApiDocsController.class.getPackage().getImplementationVersion())
			.orElse("development");
		this.asyncApi = TopicsDocument.build(this.version);
	}

	@GetMapping(path = "/api/v1/openapi.json", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<JsonNode>> openApi(ServerHttpRequest request) {
		Mono<JsonNode> gateway = ownDescription(request);
		Flux<Map.Entry<String, Optional<JsonNode>>> services = Flux.fromIterable(this.instances.instances().entrySet())
			.flatMapSequential((service) -> read(part(service.getKey()), service.getValue())
				.map((description) -> Map.entry(part(service.getKey()), description)));
		return gateway.flatMap((own) -> services.collectList().map((parts) -> {
			SystemApiDocument document = new SystemApiDocument(this.version).add("gateway", own);
			for (Map.Entry<String, Optional<JsonNode>> part : parts) {
				part.getValue()
					.ifPresentOrElse((description) -> document.add(part.getKey(), description),
							() -> document.missing(part.getKey()));
			}
			return ResponseEntity.ok()
				.cacheControl(CacheControl.noCache())
				.contentType(MediaType.APPLICATION_JSON)
				.body(document.toJson());
		}));
	}

	/**
	 * {@code intake-service} → {@code intake}, the name of its route's circuit breaker.
	 */
	private static String part(String service) {
		return service.replaceFirst("-service$", "");
	}

	@GetMapping(path = "/api/v1/asyncapi.json", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<JsonNode> asyncApi() {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noCache())
			.contentType(MediaType.APPLICATION_JSON)
			.body(this.asyncApi);
	}

	private Mono<JsonNode> ownDescription(ServerHttpRequest request) {
		try {
			return this.own.openapiJson(request, "/v3/api-docs", Locale.ENGLISH).map(JSON::readTree);
		}
		catch (Exception ex) {
			return Mono.error(ex);
		}
	}

	/**
	 * A service's description (from the first of its instances that answers), or the one
	 * it last gave when none answers now.
	 */
	private Mono<Optional<JsonNode>> read(String service, List<URI> bases) {
		Mono<JsonNode> call = Flux.fromIterable(bases)
			.concatMap((base) -> this.client.get()
				.uri(base.resolve("/v3/api-docs"))
				.retrieve()
				.bodyToMono(String.class)
				.map(JSON::readTree)
				.timeout(this.properties.timeout())
				.onErrorResume((ex) -> (base == bases.get(bases.size() - 1)) ? Mono.error(ex) : Mono.empty()))
			.next()
			.switchIfEmpty(Mono.error(() -> new IllegalStateException("no instance of " + service + " is known")));
		return this.breakers.create(service)
			.run(call, (ex) -> Mono.error(ex))
			.doOnNext((description) -> this.lastRead.put(service, description))
			.map(Optional::of)
			.onErrorResume((ex) -> {
				logger.warn("The API description of " + service + " could not be read (" + ex + "); "
						+ (this.lastRead.containsKey(service) ? "serving the last one it gave" : "left out"));
				return Mono.just(Optional.ofNullable(this.lastRead.get(service)));
			});
	}

}
