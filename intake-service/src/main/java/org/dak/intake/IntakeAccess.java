package org.dak.intake;

import org.dak.support.security.AccessRules;
import org.dak.platform.Roles;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may call intake (the README's access table). Submitting is open: the public may
 * submit web items, the receipt desk any item, an adapter its own channel's; the
 * submission itself checks which.
 */
@Configuration(proxyBeanMethods = false)
class IntakeAccess {

	@Bean
	AccessRules intakeRules() {
		return (rules) -> rules.requestMatchers(HttpMethod.POST, "/api/v1/complaints")
			.permitAll()
			.requestMatchers(HttpMethod.GET, "/api/v1/complaints/*/receipt", "/api/v1/complaints/*/receipt.pdf",
					"/api/v1/complaints/*/receipt.html", "/api/v1/complaints/*/qr.png")
			.hasAnyRole(Roles.RECEIPT_DESK, Roles.DM);
	}

}
