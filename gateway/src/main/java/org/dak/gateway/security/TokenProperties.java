package org.dak.gateway.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tokens: the gateway signs its own with an RSA key pair (the services hold the public
 * half), or trusts an external OpenID Connect provider.
 *
 * @param privateKeyLocation the RSA private key (PKCS#8 PEM) the gateway signs with
 * @param publicKeyLocation its public half (PEM), also given to every service
 * @param jwkSetUri an external provider's JWK set: its tokens are accepted instead
 * @param issuer the {@code iss} of tokens (the provider's issuer when external)
 * @param audience the {@code aud} of tokens
 * @param rolesClaim the claim holding role names (an external provider's may differ)
 * @param accessTokenTtl how long an access token lives
 * @param allowedOrigins browser origins allowed to call the API (CORS); none by default
 */
@ConfigurationProperties("dak.security.jwt")
public record TokenProperties(String privateKeyLocation, String publicKeyLocation, String jwkSetUri,
		@DefaultValue("dak-gateway") String issuer, @DefaultValue("dak") String audience,
		@DefaultValue("roles") String rolesClaim, @DefaultValue("15m") Duration accessTokenTtl,
		@DefaultValue List<String> allowedOrigins) {

	boolean external() {
		return this.jwkSetUri != null && !this.jwkSetUri.isBlank();
	}

}
