package org.dak.routing;

import org.dak.support.security.AccessRules;
import org.dak.platform.Roles;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may call routing (the access table in docs/access.md): the marking desk and the
 * department master data are the DM's alone.
 */
@Configuration(proxyBeanMethods = false)
class RoutingAccess {

	@Bean
	AccessRules routingRules() {
		return (rules) -> rules.requestMatchers("/api/v1/inbox", "/api/v1/inbox/**")
			.hasRole(Roles.DM)
			.requestMatchers(HttpMethod.GET, "/api/v1/departments", "/api/v1/departments/*")
			.hasAnyRole(Roles.RECEIPT_DESK, Roles.DM, Roles.DEPARTMENT_OFFICER, Roles.AUDITOR, Roles.ADMIN)
			.requestMatchers(HttpMethod.POST, "/api/v1/departments")
			.hasRole(Roles.DM)
			.requestMatchers(HttpMethod.PUT, "/api/v1/departments/*", "/api/v1/departments/*/offices/*")
			.hasRole(Roles.DM);
	}

}
