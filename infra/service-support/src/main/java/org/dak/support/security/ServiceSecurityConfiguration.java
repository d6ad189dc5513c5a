package org.dak.support.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every servlet service is an OAuth2 resource server: it verifies the token's signature,
 * expiry, issuer and audience itself, maps the roles claim to authorities, and applies
 * the service's {@link AccessRules}; anything else is refused. Health and metrics stay
 * open for the platform (they are not routed through the gateway).
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
			decoder = NimbusJwtDecoder.withPublicKey(publicKey(properties)).build();
		}
		else {
			throw new IllegalStateException("Set DAK_JWT_PUBLIC_KEY (the gateway's public key, PEM) or "
					+ "DAK_JWT_JWK_SET_URI (an OpenID Connect provider's key set): without it no token can be checked.");
		}
		OAuth2TokenValidator<Jwt> audience = (
				jwt) -> (jwt.getAudience() != null && jwt.getAudience().contains(properties.audience()))
						? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult
							.failure(new OAuth2Error("invalid_token", "The token is not meant for this system", null));
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
				JwtValidators.createDefaultWithIssuer(properties.issuer()), audience));
		return decoder;
	}

	@Bean
	SecurityFilterChain dakSecurity(HttpSecurity http, ObjectProvider<AccessRules> rules, JwtProperties properties)
			throws Exception {
		JwtAuthenticationConverter roles = new JwtAuthenticationConverter();
		roles.setJwtGrantedAuthoritiesConverter((jwt) -> {
			List<String> names = jwt.getClaimAsStringList(properties.rolesClaim());
			return (names != null) ? names.stream()
				.map((name) -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + name))
				.toList() : List.of();
		});
		http.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests((registry) -> {
				registry.requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus", "/error")
					.permitAll();
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

	private static RSAPublicKey publicKey(JwtProperties properties) {
		String location = properties.publicKeyLocation();
		Resource resource = new DefaultResourceLoader()
			.getResource(location.contains(":") ? location : "file:" + location);
		try (InputStream in = resource.getInputStream()) {
			String pem = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII)
				.replaceAll("-----[A-Z ]+-----", "")
				.replaceAll("\\s", "");
			return (RSAPublicKey) KeyFactory.getInstance("RSA")
				.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the token public key " + properties.publicKeyLocation(), ex);
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException("Not an RSA public key: " + properties.publicKeyLocation(), ex);
		}
	}

}
