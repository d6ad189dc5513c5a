package org.dak.notification;

import org.dak.support.security.AccessRules;
import org.dak.platform.Roles;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may read the notification log (the README's access table).
 */
@Configuration(proxyBeanMethods = false)
class NotificationAccess {

	@Bean
	AccessRules notificationRules() {
		return (rules) -> rules.requestMatchers(HttpMethod.GET, "/api/v1/notifications")
			.hasAnyRole(Roles.DM, Roles.AUDITOR);
	}

}
