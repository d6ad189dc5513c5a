package org.dak.notification;

import org.dak.support.security.AccessRules;
import org.dak.platform.Roles;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may call notification (the access table in docs/access.md).
 */
@Configuration(proxyBeanMethods = false)
class NotificationAccess {

	@Bean
	AccessRules notificationRules() {
		return (rules) -> rules.requestMatchers(HttpMethod.GET, "/api/v1/notifications")
			.hasAnyRole(Roles.DM, Roles.AUDITOR)
			.requestMatchers(HttpMethod.POST, "/api/v1/notifications/resend")
			.hasRole(Roles.DM)
			.requestMatchers(HttpMethod.GET, "/api/v1/notifications/templates")
			.hasAnyRole(Roles.ADMIN, Roles.DM, Roles.AUDITOR)
			// the provider authenticates with the agreed callback token, checked by the
			// handler
			.requestMatchers(HttpMethod.POST, "/api/v1/notifications/delivery-receipts")
			.permitAll()
			// the applicant, with the access code from the receipt
			.requestMatchers("/api/v1/public/notifications/*/preferences")
			.permitAll()
			.requestMatchers("/api/v1/webhooks/**")
			.hasRole(Roles.ADMIN);
	}

}
