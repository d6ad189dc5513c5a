package org.dak.gateway.edge;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the edge.
 *
 * @param trustedProxies addresses of reverse proxies whose {@code X-Forwarded-For} is
 * believed
 * @param maxRequestSize the largest request body accepted
 * @param maxUploadSize the largest multipart upload (an item with its files) accepted
 */
@ConfigurationProperties("dak.gateway")
public record EdgeProperties(@DefaultValue List<String> trustedProxies, @DefaultValue("1MB") DataSize maxRequestSize,
		@DefaultValue("30MB") DataSize maxUploadSize) {
}
