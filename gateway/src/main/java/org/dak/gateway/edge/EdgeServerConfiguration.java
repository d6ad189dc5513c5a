package org.dak.gateway.edge;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The gateway's server: a request whose body stops coming (a slow or stalled upload, sent
 * so to hold the gateway's connections and memory) is ended once nothing has arrived for
 * the idle upload timeout.
 */
@Configuration(proxyBeanMethods = false)
class EdgeServerConfiguration {

	@Bean
	NettyServerCustomizer idleUploadsEnd(EdgeProperties properties) {
		return (server) -> server.readTimeout(properties.idleUploadTimeout());
	}

}
