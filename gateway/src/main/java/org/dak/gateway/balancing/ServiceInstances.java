package org.dak.gateway.balancing;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Each service's instances, by the service's name: one base URL, or several separated by
 * commas ({@code INTAKE_SERVICE_URL=http://10.0.0.5:8080,http://10.0.0.6:8080}).
 *
 * @param instances the base URLs of each service's instances
 */
@ConfigurationProperties("dak.gateway")
public record ServiceInstances(@DefaultValue Map<String, List<URI>> instances) {

	/** The base URLs of one service's instances (none if it is not known). */
	public List<URI> of(String service) {
		return this.instances.getOrDefault(service, List.of());
	}

	/**
	 * What to call one instance where the service has several ({@code intake-service}
	 * alone, {@code intake-service@127.0.0.1:8181} beside others).
	 */
	public String name(String service, URI instance) {
		return (of(service).size() > 1) ? service + "@" + instance.getAuthority() : service;
	}

}
