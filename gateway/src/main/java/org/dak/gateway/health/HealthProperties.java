package org.dak.gateway.health;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the services are asked how they are (every instance of each,
 * {@code dak.gateway.instances}).
 *
 * @param timeout how long one service may take to answer before it counts as down
 */
@ConfigurationProperties("dak.gateway.health")
record HealthProperties(@DefaultValue("2s") Duration timeout) {
}
