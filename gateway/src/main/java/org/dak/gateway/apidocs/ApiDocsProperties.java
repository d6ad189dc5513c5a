package org.dak.gateway.apidocs;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the services' own API descriptions are read.
 *
 * @param services each service's base URL, by the name of its route's circuit breaker
 * (the same URLs as the routes')
 * @param timeout how long one service may take to describe itself
 */
@ConfigurationProperties("dak.gateway.api-docs")
record ApiDocsProperties(@DefaultValue Map<String, URI> services, @DefaultValue("3s") Duration timeout) {
}
