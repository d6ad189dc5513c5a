package org.dak.support.security;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The caller, as their verified token says.
 *
 * @param username the {@code sub} claim
 * @param roles the roles
 * @param department the department an officer is bound to, or {@code null}
 * @param office the office below it, or {@code null}
 * @param channel the channel an adapter is bound to, or {@code null}
 */
public record DakUser(String username, Set<String> roles, String department, String office, String channel) {

	/** The signed-in caller, or empty for an anonymous one. */
	public static Optional<DakUser> current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof JwtAuthenticationToken token) {
			return Optional.of(of(token.getToken(), JwtProperties.DEFAULT_ROLES_CLAIM));
		}
		return Optional.empty();
	}

	static DakUser of(Jwt jwt, String rolesClaim) {
		List<String> roles = jwt.getClaimAsStringList(rolesClaim);
		return new DakUser(jwt.getSubject(), (roles != null) ? Set.copyOf(roles) : Set.of(),
				jwt.getClaimAsString("department"), jwt.getClaimAsString("office"), jwt.getClaimAsString("channel"));
	}

	public boolean has(String role) {
		return this.roles.contains(role);
	}

}
