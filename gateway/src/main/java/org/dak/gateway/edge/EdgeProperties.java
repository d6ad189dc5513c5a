package org.dak.gateway.edge;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the edge.
 *
 * @param trustedProxies addresses, or CIDR ranges ({@code 10.0.0.0/8}, {@code fd00::/8}),
 * of reverse proxies whose {@code X-Forwarded-For} is believed
 * @param maxRequestSize the largest request body accepted
 * @param maxUploadSize the largest multipart upload (an item with its files) accepted, on
 * the paths that take uploads
 * @param idleUploadTimeout how long a request body may stop coming before the request is
 * ended
 */
@ConfigurationProperties("dak.gateway")
public record EdgeProperties(@DefaultValue List<AddressRange> trustedProxies,
		@DefaultValue("1MB") DataSize maxRequestSize, @DefaultValue("30MB") DataSize maxUploadSize,
		@DefaultValue("20s") Duration idleUploadTimeout) {
}
