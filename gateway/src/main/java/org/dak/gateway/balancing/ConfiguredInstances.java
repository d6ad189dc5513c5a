package org.dak.gateway.balancing;

import java.net.URI;

import reactor.core.publisher.Flux;

import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.ReactiveDiscoveryClient;

/**
 * The instances of {@link ServiceInstances} as Spring Cloud's discovery sees them, for
 * the load balancer behind each {@code lb://} route (which leaves out an instance that
 * fails its health check).
 */
class ConfiguredInstances implements ReactiveDiscoveryClient {

	private final ServiceInstances instances;

	ConfiguredInstances(ServiceInstances instances) {
		this.instances = instances;
	}

	@Override
	public String description() {
		return "the instances configured for each service (dak.gateway.instances)";
	}

	@Override
	public Flux<ServiceInstance> getInstances(String serviceId) {
		return Flux.fromIterable(this.instances.of(serviceId)).map((uri) -> instance(serviceId, uri));
	}

	@Override
	public Flux<String> getServices() {
		return Flux.fromIterable(this.instances.instances().keySet());
	}

	private ServiceInstance instance(String serviceId, URI uri) {
		return new DefaultServiceInstance(this.instances.name(serviceId, uri), serviceId, uri.getHost(),
				(uri.getPort() != -1) ? uri.getPort() : ("https".equals(uri.getScheme()) ? 443 : 80),
				"https".equals(uri.getScheme()));
	}

}
