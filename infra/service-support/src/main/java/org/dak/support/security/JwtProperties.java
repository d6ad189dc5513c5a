package org.dak.support.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service checks tokens: against the gateway's public key (built-in accounts), or
 * against an external OpenID Connect provider's key set.
 *
 * @param publicKeyLocation where the gateway's RSA public key (PEM) is: a file path, or a
 * {@code classpath:} or {@code file:} location
 * @param jwkSetUri an external provider's JWK set, used instead of the public key
 * @param issuer the {@code iss} every token must carry
 * @param audience the {@code aud} every token must carry
 * @param rolesClaim the claim holding the role names
 */
@ConfigurationProperties("dak.security.jwt")
public record JwtProperties(String publicKeyLocation, String jwkSetUri, @DefaultValue("dak-gateway") String issuer,
		@DefaultValue("dak") String audience, @DefaultValue(DEFAULT_ROLES_CLAIM) String rolesClaim) {

	static final String DEFAULT_ROLES_CLAIM = "roles";

}
