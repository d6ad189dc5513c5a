package org.dak.intake;

import org.dak.support.security.AccessRules;
import org.dak.platform.Roles;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may call intake (the access table in docs/access.md). Submitting is open: the
 * public may submit web items, the receipt desk any item, an adapter its own channel's;
 * the submission itself checks which.
 */
@Configuration(proxyBeanMethods = false)
class IntakeAccess {

	@Bean
	AccessRules intakeRules() {
		return (rules) -> rules
			.requestMatchers(HttpMethod.POST, "/api/v1/complaints", "/open311/v2/requests.json",
					"/open311/v2/requests.xml")
			.permitAll()
			.requestMatchers(HttpMethod.GET, "/open311/v2/discovery.json", "/open311/v2/discovery.xml",
					"/open311/v2/services.json", "/open311/v2/services.xml", "/open311/v2/services/*")
			.permitAll()
			.requestMatchers(HttpMethod.GET, "/api/v1/complaints/public/*/receipt.pdf", "/submit", "/submit.html",
					"/submit.js", "/submit.css")
			.permitAll()
			.requestMatchers(HttpMethod.POST, "/api/v1/complaints/possible-duplicates")
			.hasRole(Roles.RECEIPT_DESK)
			.requestMatchers(HttpMethod.POST, "/api/v1/channels/social")
			.hasRole(Roles.CHANNEL_ADAPTER)
			.requestMatchers("/api/v1/imports", "/api/v1/imports/*")
			.hasRole(Roles.RECEIPT_DESK)
			.requestMatchers(HttpMethod.POST, "/api/v1/channels/fax")
			.hasAnyRole(Roles.CHANNEL_ADAPTER, Roles.RECEIPT_DESK)
			.requestMatchers(HttpMethod.GET, "/api/v1/complaints/*/receipt", "/api/v1/complaints/*/receipt.pdf",
					"/api/v1/complaints/*/receipt.html", "/api/v1/complaints/*/qr.png")
			// they show the access code: only the counter that prints the receipt
			.hasRole(Roles.RECEIPT_DESK)
			// an officer's department is checked by the controller
			.requestMatchers(HttpMethod.GET, "/api/v1/complaints/*/attachments", "/api/v1/complaints/*/attachments/*")
			.hasAnyRole(Roles.RECEIPT_DESK, Roles.DM, Roles.DEPARTMENT_OFFICER);
	}

}
