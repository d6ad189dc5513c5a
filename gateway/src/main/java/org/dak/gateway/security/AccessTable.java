package org.dak.gateway.security;

import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.web.util.pattern.PathPatternParser;

import static org.dak.platform.Roles.ADMIN;
import static org.dak.platform.Roles.AUDITOR;
import static org.dak.platform.Roles.CHANNEL_ADAPTER;
import static org.dak.platform.Roles.DEPARTMENT_OFFICER;
import static org.dak.platform.Roles.DM;
import static org.dak.platform.Roles.RECEIPT_DESK;

/**
 * The coarse rule of every route: who may pass the gateway at all. The access table says
 * the same, and the authorisation matrix test checks the running system against that
 * table. Object-level rules (which items, which channel) are the services'.
 */
public final class AccessTable {

	private static final PathPatternParser PATTERNS = new PathPatternParser();

	/** One row: a method and paths, and who may call them. */
	public record Rule(HttpMethod method, List<String> paths, Who who, String... roles) {

		boolean matches(HttpMethod method, String path) {
			return (this.method == null || this.method.equals(method)) && this.paths.stream()
				.anyMatch((pattern) -> PATTERNS.parse(pattern).matches(PathContainer.parsePath(path)));
		}

	}

	/** Who a rule lets through. */
	public enum Who {

		/** Anyone, signed in or not. */
		PUBLIC,

		/** Anyone signed in. */
		SIGNED_IN,

		/** The listed roles. */
		ROLES

	}

	static final List<Rule> RULES = List.of(
			new Rule(HttpMethod.POST, List.of("/api/v1/auth/login", "/api/v1/auth/refresh"), Who.PUBLIC),
			new Rule(HttpMethod.POST, List.of("/api/v1/auth/logout", "/api/v1/auth/password"), Who.SIGNED_IN),
			new Rule(null, List.of("/api/v1/admin/**"), Who.ROLES, ADMIN),
			new Rule(HttpMethod.GET, List.of("/api/v1/audit"), Who.ROLES, AUDITOR),
			new Rule(HttpMethod.GET, List.of("/api/v1/system/health"), Who.ROLES, ADMIN, AUDITOR),
			new Rule(HttpMethod.POST, List.of("/api/v1/complaints"), Who.PUBLIC),
			new Rule(HttpMethod.POST, List.of("/api/v1/channels/social"), Who.ROLES, CHANNEL_ADAPTER),
			new Rule(null, List.of("/api/v1/imports", "/api/v1/imports/*"), Who.ROLES, RECEIPT_DESK),
			new Rule(HttpMethod.POST, List.of("/api/v1/complaints/possible-duplicates"), Who.ROLES, RECEIPT_DESK),
			new Rule(HttpMethod.POST, List.of("/api/v1/channels/fax"), Who.ROLES, CHANNEL_ADAPTER, RECEIPT_DESK),
			new Rule(HttpMethod.GET,
					List.of("/api/v1/complaints/*/receipt", "/api/v1/complaints/*/receipt.pdf",
							"/api/v1/complaints/*/receipt.html", "/api/v1/complaints/*/qr.png"),
					// they show the access code: only the counter that prints the receipt
					Who.ROLES, RECEIPT_DESK),
			new Rule(HttpMethod.GET, List.of("/api/v1/complaints/*/attachments", "/api/v1/complaints/*/attachments/*"),
					Who.ROLES, RECEIPT_DESK, DM, DEPARTMENT_OFFICER),
			new Rule(null, List.of("/api/v1/inbox", "/api/v1/inbox/**"), Who.ROLES, DM),
			new Rule(HttpMethod.GET, List.of("/api/v1/departments", "/api/v1/departments/*"), Who.ROLES, RECEIPT_DESK,
					DM, DEPARTMENT_OFFICER, AUDITOR, ADMIN),
			new Rule(HttpMethod.POST, List.of("/api/v1/departments"), Who.ROLES, DM),
			new Rule(HttpMethod.PUT, List.of("/api/v1/departments/*", "/api/v1/departments/*/offices/*"), Who.ROLES,
					DM),
			new Rule(HttpMethod.GET, List.of("/api/v1/cases", "/api/v1/cases/*"), Who.ROLES, DM, DEPARTMENT_OFFICER),
			new Rule(HttpMethod.POST, List.of("/api/v1/cases/scan"), Who.ROLES, DM, DEPARTMENT_OFFICER),
			new Rule(HttpMethod.GET,
					List.of("/api/v1/dashboard/pendency", "/api/v1/dashboard/summary", "/api/v1/dashboard/summary.csv",
							"/api/v1/dashboard/overdue"),
					Who.ROLES, DM, AUDITOR),
			new Rule(HttpMethod.POST, List.of("/api/v1/cases/*/status", "/api/v1/cases/*/steps"), Who.ROLES,
					DEPARTMENT_OFFICER),
			new Rule(HttpMethod.GET, List.of("/api/v1/cases/*/evidence/*"), Who.ROLES, DM, DEPARTMENT_OFFICER),
			new Rule(null, List.of("/api/v1/demo/clock"), Who.ROLES, ADMIN),
			// the office's settings: the administrator changes them, the DM and
			// the auditor read them
			new Rule(HttpMethod.GET, List.of("/api/v1/settings/calendar"), Who.ROLES, ADMIN, DM, AUDITOR),
			new Rule(HttpMethod.GET, List.of("/api/v1/settings/calendar/history"), Who.ROLES, ADMIN, AUDITOR),
			new Rule(HttpMethod.PUT, List.of("/api/v1/settings/calendar"), Who.ROLES, ADMIN),
			new Rule(HttpMethod.POST, List.of("/api/v1/settings/calendar/gazette"), Who.ROLES, ADMIN),
			new Rule(HttpMethod.GET,
					List.of("/api/v1/public/track/*", "/track/*", "/api/v1/complaints/public/*/receipt.pdf", "/submit",
							"/submit.js", "/submit.css", "/open311/v2/discovery.*", "/open311/v2/services.*",
							"/open311/v2/services/*", "/open311/v2/requests.*", "/open311/v2/requests/*", "/staff/item",
							"/staff/staff.js", "/staff/staff.css", "/staff/track.js", "/desk", "/desk/", "/desk/**"),
					Who.PUBLIC),
			new Rule(HttpMethod.POST,
					List.of("/api/v1/public/track/*/feedback", "/api/v1/public/track/*/one-time-code",
							"/open311/v2/requests.*"),
					Who.PUBLIC),
			new Rule(HttpMethod.GET, List.of("/api/v1/notifications"), Who.ROLES, DM, AUDITOR),
			new Rule(HttpMethod.POST, List.of("/api/v1/notifications/resend"), Who.ROLES, DM),
			new Rule(HttpMethod.GET, List.of("/api/v1/notifications/templates", "/api/v1/deadlines"), Who.ROLES, ADMIN,
					DM, AUDITOR),
			// the SMS provider, with the agreed callback token the notification service
			// checks
			new Rule(HttpMethod.POST, List.of("/api/v1/notifications/delivery-receipts"), Who.PUBLIC),
			// the applicant, with the access code from the receipt
			new Rule(null, List.of("/api/v1/public/notifications/*/preferences"), Who.PUBLIC),
			// webhooks: subscribers, their delivery logs, re-sending
			new Rule(null, List.of("/api/v1/webhooks/**"), Who.ROLES, ADMIN),
			// the contracts: the API documents and their browsable page
			new Rule(HttpMethod.GET,
					List.of("/api/v1/openapi.json", "/api/v1/asyncapi.json", "/swagger-ui.html", "/swagger-ui/**",
							"/v3/api-docs/swagger-config"),
					Who.PUBLIC),
			new Rule(HttpMethod.GET, List.of("/actuator/health", "/actuator/health/**", "/actuator/info"), Who.PUBLIC),
			new Rule(HttpMethod.GET, List.of("/actuator/prometheus"), Who.ROLES, AUDITOR));

	private AccessTable() {
	}

	/**
	 * The rule the gateway applies to a call, as the security chain finds it (the first
	 * that matches); none means the gateway refuses it. A path template's variables
	 * ({@code /api/v1/cases/{receiptNumber}}) stand for one segment each.
	 */
	public static Optional<Rule> ruleFor(HttpMethod method, String path) {
		return RULES.stream().filter((rule) -> rule.matches(method, path)).findFirst();
	}

	static void apply(ServerHttpSecurity.AuthorizeExchangeSpec exchanges) {
		for (Rule rule : RULES) {
			String[] paths = rule.paths().toArray(String[]::new);
			ServerHttpSecurity.AuthorizeExchangeSpec.Access access = (rule.method() != null)
					? exchanges.pathMatchers(rule.method(), paths) : exchanges.pathMatchers(paths);
			switch (rule.who()) {
				case PUBLIC -> access.permitAll();
				case SIGNED_IN -> access.authenticated();
				case ROLES -> access.hasAnyRole(rule.roles());
			}
		}
		exchanges.anyExchange().denyAll();
	}

}
