package org.dak.gateway.health;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the services are asked how they are.
 *
 * @param services each service's base URL, by name (the same as the routes')
 * @param timeout how long one service may take to answer before it counts as down
 */
@ConfigurationProperties("dak.gateway.health")
record HealthProperties(@DefaultValue Map<String, URI> services, @DefaultValue("2s") Duration timeout) {
}
