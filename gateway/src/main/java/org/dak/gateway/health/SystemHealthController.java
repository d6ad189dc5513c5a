package org.dak.gateway.health;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.dak.gateway.balancing.ServiceInstances;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * {@code GET /api/v1/system/health}: asks every service for its health and its metrics
 * (both open to the gateway only: the services are not reachable from outside) and puts
 * together what the IT manager needs on one page. A service that does not answer within
 * the timeout is down, with the reason; the answer itself is always 200.
 */
@RestController
@EnableConfigurationProperties(HealthProperties.class)
class SystemHealthController {

	/** {@code name{labels} value}, one sample of the Prometheus text format. */
	private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})?\\s+(\\S+)");

	private static final Pattern BREAKER = Pattern
		.compile("name=\"([^\"]+)\".*state=\"([^\"]+)\"|state=\"([^\"]+)\".*name=\"([^\"]+)\"");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int METRICS_LIMIT = 16 * 1024 * 1024;

	private final HealthProperties properties;

	private final WebClient client;

	private final ServiceInstances instances;

	SystemHealthController(HealthProperties properties, ServiceInstances instances) {
		this.properties = properties;
		this.instances = instances;
		// a service's metrics page runs to several hundred kilobytes (histograms)
		this.client = WebClient.builder()
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(METRICS_LIMIT))
			.build();
	}

	@GetMapping("/api/v1/system/health")
	Mono<ResponseEntity<SystemHealth>> health() {
		return Flux.fromIterable(this.instances.instances().entrySet())
			.flatMapIterable((service) -> service.getValue()
				.stream()
				.map((instance) -> Map.entry(this.instances.name(service.getKey(), instance), instance))
				.toList())
			.flatMapSequential((instance) -> probe(instance.getKey(), instance.getValue()))
			.collectList()
			.map((probes) -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(summary(probes)));
	}

	/** What one service said, or why it said nothing. */
	private record Probe(SystemHealth.Service service, Map<String, String> breakers,
			List<SystemHealth.Warning> warnings) {

		Probe(SystemHealth.Service service, Map<String, String> breakers) {
			this(service, breakers, List.of());
		}

	}

	private Mono<Probe> probe(String name, URI base) {
		Mono<JsonNode> health = this.client.get()
			.uri(base.resolve("/actuator/health"))
			// a service that is down answers 503 with its health; that is an answer too
			.exchangeToMono((response) -> response.bodyToMono(String.class).map(JSON::readTree))
			.timeout(this.properties.timeout());
		Mono<String> metrics = this.client.get()
			.uri(base.resolve("/actuator/prometheus"))
			.retrieve()
			.bodyToMono(String.class)
			.timeout(this.properties.timeout())
			.onErrorReturn("");
		Mono<JsonNode> info = this.client.get()
			.uri(base.resolve("/actuator/info"))
			.retrieve()
			.bodyToMono(String.class)
			.map(JSON::readTree)
			.timeout(this.properties.timeout())
			.onErrorReturn(JSON.createObjectNode());
		return Mono.zip(health, metrics, info)
			.map((answers) -> read(name, answers.getT1(), answers.getT2(), answers.getT3()))
			.onErrorResume((ex) -> Mono.just(new Probe(new SystemHealth.Service(name, "DOWN", Map.of(), null, null,
					null, ex.getClass().getSimpleName() + ": " + ex.getMessage(), null), Map.of())));
	}

	private static Probe read(String name, JsonNode health, String metrics, JsonNode info) {
		Map<String, String> components = new LinkedHashMap<>();
		JsonNode parts = health.path("components");
		for (String part : parts.propertyNames()) {
			components.put(part, parts.path(part).path("status").asString("UNKNOWN"));
		}
		Double outbox = null;
		Double pending = null;
		Double deadLetters = null;
		Map<String, String> breakers = new LinkedHashMap<>();
		List<SystemHealth.Warning> warnings = new ArrayList<>();
		for (String line : metrics.split("\n")) {
			Matcher sample = SAMPLE.matcher(line);
			if (line.startsWith("#") || !sample.find()) {
				continue;
			}
			double value = parse(sample.group(3));
			switch (sample.group(1)) {
				case "dak_outbox_pending" -> outbox = add(outbox, value);
				case "dak_notifications_pending" -> pending = add(pending, value);
				case "dak_events_dead_letters_total" -> deadLetters = add(deadLetters, value);
				case "dak_calendar_holidays_missing_year" -> {
					if (value > 0) {
						warnings.add(new SystemHealth.Warning("holidays-missing", (int) value, name));
					}
				}
				case "resilience4j_circuitbreaker_state" -> {
					Matcher breaker = BREAKER.matcher(String.valueOf(sample.group(2)));
					if (value == 1.0 && breaker.find()) {
						boolean nameFirst = breaker.group(1) != null;
						breakers.put(nameFirst ? breaker.group(1) : breaker.group(4),
								nameFirst ? breaker.group(2) : breaker.group(3));
					}
				}
				default -> {
				}
			}
		}
		return new Probe(new SystemHealth.Service(name, health.path("status").asString("UNKNOWN"), components, outbox,
				pending, deadLetters, null, loggedError(info.path("lastError"))), breakers, warnings);
	}

	private static SystemHealth.LoggedError loggedError(JsonNode error) {
		if (!error.isObject()) {
			return null;
		}
		Instant at;
		try {
			at = Instant.parse(error.path("at").asString(""));
		}
		catch (java.time.format.DateTimeParseException ex) {
			at = null;
		}
		return new SystemHealth.LoggedError(at, error.path("logger").asString(null),
				error.path("message").asString(null), error.path("count").asLong(0));
	}

	private static double parse(String value) {
		try {
			return Double.parseDouble(value);
		}
		catch (NumberFormatException ex) {
			return Double.NaN;
		}
	}

	private static Double add(Double sum, double value) {
		return (sum == null) ? value : sum + value;
	}

	private static SystemHealth summary(List<Probe> probes) {
		List<SystemHealth.Dependency> dependencies = List.of(database(probes),
				breaker(probes, "broker", "kafka-outbox"), breaker(probes, "mail", "mail"),
				breaker(probes, "sms", "sms"));
		boolean servicesUp = probes.stream().allMatch((probe) -> "UP".equals(probe.service().status()));
		boolean coreDown = dependencies.stream().limit(2).anyMatch((dependency) -> "DOWN".equals(dependency.status()));
		boolean anyNotUp = dependencies.stream()
			.anyMatch((dependency) -> !"UP".equals(dependency.status()) && !"UNKNOWN".equals(dependency.status()));
		String status = (!servicesUp || coreDown) ? "DOWN" : anyNotUp ? "DEGRADED" : "UP";
		return new SystemHealth(Instant.now(), status, probes.stream().map(Probe::service).toList(), dependencies,
				probes.stream().flatMap((probe) -> probe.warnings().stream()).distinct().toList());
	}

	/** The database, from each service's own check of it. */
	private static SystemHealth.Dependency database(List<Probe> probes) {
		List<String> down = new ArrayList<>();
		int seen = 0;
		for (Probe probe : probes) {
			for (Map.Entry<String, String> component : probe.service().components().entrySet()) {
				if (component.getKey().toLowerCase(java.util.Locale.ROOT).contains("mongo")) {
					seen++;
					if (!"UP".equals(component.getValue())) {
						down.add(probe.service().name());
					}
				}
			}
		}
		if (seen == 0) {
			return new SystemHealth.Dependency("database", "UNKNOWN", "no service reported it");
		}
		return down.isEmpty() ? new SystemHealth.Dependency("database", "UP", seen + " services reach it")
				: new SystemHealth.Dependency("database", "DOWN", "not reached by " + String.join(", ", down));
	}

	/**
	 * A dependency called through a circuit breaker: open is down, half-open is being
	 * tried again, closed is up.
	 */
	private static SystemHealth.Dependency breaker(List<Probe> probes, String dependency, String breaker) {
		List<String> open = new ArrayList<>();
		List<String> trying = new ArrayList<>();
		List<String> seen = new ArrayList<>();
		for (Probe probe : probes) {
			String state = probe.breakers().get(breaker);
			if (state == null) {
				continue;
			}
			seen.add(probe.service().name());
			if (state.contains("open") && !state.equals("half_open")) {
				open.add(probe.service().name());
			}
			else if (state.equals("half_open")) {
				trying.add(probe.service().name());
			}
		}
		if (seen.isEmpty()) {
			return new SystemHealth.Dependency(dependency, "UNKNOWN", "no service reported it");
		}
		if (!open.isEmpty()) {
			return new SystemHealth.Dependency(dependency, "DOWN",
					"circuit open (calls refused after failures) in " + String.join(", ", open));
		}
		if (!trying.isEmpty()) {
			return new SystemHealth.Dependency(dependency, "DEGRADED",
					"being tried again by " + String.join(", ", trying));
		}
		return new SystemHealth.Dependency(dependency, "UP",
				"circuit closed in " + ((seen.size() == 1) ? seen.get(0) : seen.size() + " services"));
	}

}
