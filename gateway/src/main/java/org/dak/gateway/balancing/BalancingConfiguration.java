package org.dak.gateway.balancing;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ServiceInstances.class)
@LoadBalancerClients(defaultConfiguration = HealthyInstances.class)
class BalancingConfiguration {

	@Bean
	ConfiguredInstances configuredInstances(ServiceInstances instances) {
		return new ConfiguredInstances(instances);
	}

}
