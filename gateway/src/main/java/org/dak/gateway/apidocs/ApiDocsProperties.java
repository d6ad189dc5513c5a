package org.dak.gateway.apidocs;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the services' own API descriptions are read (from their instances,
 * {@code dak.gateway.instances}).
 *
 * @param timeout how long one service may take to describe itself
 */
@ConfigurationProperties("dak.gateway.api-docs")
record ApiDocsProperties(@DefaultValue("3s") Duration timeout) {
}
