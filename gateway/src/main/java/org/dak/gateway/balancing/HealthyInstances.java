package org.dak.gateway.balancing;

import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.DelegatingServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The instances each route balances over: those that answered their last health check,
 * or, while none has, every configured one. A lone instance that has just started again
 * is then asked at once instead of after the next check, and a service with no live
 * instance answers as it did before balancing: its circuit breaker's 503.
 * <p>
 * The load balancer's default configuration for every service (deliberately not a
 * {@code @Configuration}: each service's load-balancer context registers it).
 */
class HealthyInstances {

	@Bean
	ServiceInstanceListSupplier healthyOrAllInstances(ConfigurableApplicationContext context) {
		return ServiceInstanceListSupplier.builder()
			.withDiscoveryClient()
			.withHealthChecks()
			.with((loadBalancerContext, healthy) -> new HealthyOrAll(healthy,
					loadBalancerContext.getBean(ConfiguredInstances.class)))
			.build(context);
	}

	static final class HealthyOrAll extends DelegatingServiceInstanceListSupplier {

		private final ConfiguredInstances configured;

		HealthyOrAll(ServiceInstanceListSupplier healthy, ConfiguredInstances configured) {
			super(healthy);
			this.configured = configured;
		}

		@Override
		public Flux<List<ServiceInstance>> get() {
			return getDelegate().get()
				.concatMap((healthy) -> healthy.isEmpty() ? this.configured.getInstances(getServiceId()).collectList()
						: Mono.just(healthy));
		}

	}

}
