package org.dak.support.security;

import org.dak.platform.Tokens;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every servlet service is an OAuth2 resource server: it verifies the token's signature,
 * expiry, issuer and audience itself, maps the roles claim to authorities, and applies
 * the service's {@link AccessRules}; anything else is refused. Health and metrics stay
 * open for the platform (they are not routed through the gateway), and so is the
 * service's API description, which the gateway reads.
 */
@AutoConfiguration(beforeName = {
		"org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
		"org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(JwtProperties.class)
public class ServiceSecurityConfiguration {

	@Bean
	JwtDecoder jwtDecoder(JwtProperties properties) {
		NimbusJwtDecoder decoder;
		if (properties.jwkSetUri() != null && !properties.jwkSetUri().isBlank()) {
			decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build();
		}
		else if (properties.publicKeyLocation() != null && !properties.publicKeyLocation().isBlank()) {
			decoder = NimbusJwtDecoder.withPublicKey(Tokens.publicKey(properties.publicKeyLocation())).build();
		}
		else {
			throw new IllegalStateException("Set DAK_JWT_PUBLIC_KEY (the gateway's public key, PEM) or "
					+ "DAK_JWT_JWK_SET_URI (an OpenID Connect provider's key set): without it no token can be checked.");
		}
		decoder.setJwtValidator(Tokens.validator(properties.issuer(), properties.audience()));
		return decoder;
	}

	@Bean
	SecurityFilterChain dakSecurity(HttpSecurity http, ObjectProvider<AccessRules> rules, JwtProperties properties)
			throws Exception {
		JwtAuthenticationConverter roles = new JwtAuthenticationConverter();
		roles.setJwtGrantedAuthoritiesConverter((jwt) -> Tokens.authorities(jwt, properties.rolesClaim()));
		http.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests((registry) -> {
				registry.requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus", "/error")
					.permitAll();
				// the service's API description, which the gateway puts together with the
				// others' (not routed: the gateway serves the whole system's)
				registry.requestMatchers(HttpMethod.GET, "/v3/api-docs").permitAll();
				rules.orderedStream().forEach((rule) -> rule.configure(registry));
				registry.anyRequest().denyAll();
			})
			.oauth2ResourceServer((server) -> server.jwt((jwt) -> jwt.jwtAuthenticationConverter(roles))
				.authenticationEntryPoint(ProblemResponses.unauthorized())
				.accessDeniedHandler(ProblemResponses.forbidden()))
			.exceptionHandling((handling) -> handling.authenticationEntryPoint(ProblemResponses.unauthorized())
				.accessDeniedHandler(ProblemResponses.forbidden()));
		return http.build();
	}

}
