package org.dak.tracking;

import org.dak.support.security.AccessRules;
import org.dak.platform.Roles;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may call tracking (the access table in docs/access.md). Which item an officer may
 * see or move is decided per item: only those marked to their department.
 */
@Configuration(proxyBeanMethods = false)
class TrackingAccess {

	@Bean
	AccessRules trackingRules() {
		return (rules) -> rules
			.requestMatchers(HttpMethod.GET, "/api/v1/public/track/*", "/track/*", "/open311/v2/requests/*",
					"/open311/v2/requests.json", "/open311/v2/requests.xml")
			.permitAll()
			.requestMatchers(HttpMethod.GET, StaffPages.PATHS)
			.permitAll()
			.requestMatchers(HttpMethod.POST, "/api/v1/public/track/*/feedback", "/api/v1/public/track/*/one-time-code")
			.permitAll()
			.requestMatchers(HttpMethod.GET, "/api/v1/cases", "/api/v1/cases/*")
			.hasAnyRole(Roles.DM, Roles.DEPARTMENT_OFFICER)
			.requestMatchers(HttpMethod.GET, "/api/v1/dashboard/pendency", "/api/v1/dashboard/summary",
					"/api/v1/dashboard/summary.csv", "/api/v1/dashboard/overdue")
			.hasAnyRole(Roles.DM, Roles.AUDITOR)
			.requestMatchers(HttpMethod.POST, "/api/v1/cases/scan")
			.hasAnyRole(Roles.DM, Roles.DEPARTMENT_OFFICER)
			.requestMatchers(HttpMethod.GET, "/api/v1/deadlines")
			.hasAnyRole(Roles.ADMIN, Roles.DM, Roles.AUDITOR)
			.requestMatchers(HttpMethod.GET, "/api/v1/settings/calendar")
			.hasAnyRole(Roles.ADMIN, Roles.DM, Roles.AUDITOR)
			.requestMatchers(HttpMethod.GET, "/api/v1/settings/calendar/history")
			.hasAnyRole(Roles.ADMIN, Roles.AUDITOR)
			.requestMatchers(HttpMethod.PUT, "/api/v1/settings/calendar")
			.hasRole(Roles.ADMIN)
			.requestMatchers(HttpMethod.POST, "/api/v1/settings/calendar/gazette")
			.hasRole(Roles.ADMIN)
			.requestMatchers("/api/v1/demo/clock")
			.hasRole(Roles.ADMIN)
			.requestMatchers(HttpMethod.GET, "/api/v1/cases/*/evidence/*")
			.hasAnyRole(Roles.DM, Roles.DEPARTMENT_OFFICER)
			.requestMatchers(HttpMethod.POST, "/api/v1/cases/*/status", "/api/v1/cases/*/steps")
			.hasRole(Roles.DEPARTMENT_OFFICER);
	}

}
