package org.dak.gateway.security;

import java.time.Duration;
import java.util.List;

import reactor.core.publisher.Mono;

import org.dak.platform.Tokens;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * The gateway's security: tokens checked (signature, expiry, issuer, audience), each
 * route's coarse role rule from {@link AccessTable}, 401/403 as problem documents,
 * security headers, and CORS for configured origins only. Sign-in is stateless: no
 * sessions, no cookies, so no CSRF.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TokenProperties.class)
class GatewaySecurityConfiguration {

	@Bean
	TokenIssuer tokenIssuer(TokenProperties properties) {
		if (properties.privateKeyLocation() == null || properties.privateKeyLocation().isBlank()) {
			throw new IllegalStateException("Set DAK_JWT_PRIVATE_KEY and DAK_JWT_PUBLIC_KEY (an RSA key pair, PEM): "
					+ "the gateway signs access tokens with it and the services check them with the public half.");
		}
		return new TokenIssuer(properties);
	}

	@Bean
	ReactiveJwtDecoder jwtDecoder(TokenProperties properties) {
		NimbusReactiveJwtDecoder decoder = properties.external()
				? NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build()
				: NimbusReactiveJwtDecoder.withPublicKey(Tokens.publicKey(properties.publicKeyLocation())).build();
		decoder.setJwtValidator(Tokens.validator(properties.issuer(), properties.audience()));
		return decoder;
	}

	@Bean
	SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, TokenProperties properties) {
		return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
			.cors((cors) -> cors.configurationSource(cors(properties.allowedOrigins())))
			.headers((headers) -> headers
				.contentSecurityPolicy((csp) -> csp.policyDirectives("default-src 'self'; img-src 'self' data:; "
						+ "style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'; form-action 'self'"))
				.referrerPolicy(
						(referrer) -> referrer.policy(ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy.NO_REFERRER))
				.frameOptions((frames) -> frames.mode(XFrameOptionsServerHttpHeadersWriter.Mode.DENY))
				.hsts((hsts) -> hsts.maxAge(Duration.ofDays(365)).includeSubdomains(true)))
			.authorizeExchange(AccessTable::apply)
			.oauth2ResourceServer(
					(server) -> server.jwt((jwt) -> jwt.jwtAuthenticationConverter(roles(properties.rolesClaim())))
						.authenticationEntryPoint((exchange, ex) -> ProblemWriter.write(exchange.getResponse(),
								HttpStatus.UNAUTHORIZED, "unauthorized", "Sign-in required",
								"This needs a valid, unexpired access token (Authorization: Bearer ...)."))
						.accessDeniedHandler((exchange, ex) -> ProblemWriter.write(exchange.getResponse(),
								HttpStatus.FORBIDDEN, "forbidden", "Not allowed", "Your role does not allow this.")))
			.exceptionHandling((handling) -> handling
				.authenticationEntryPoint((exchange, ex) -> ProblemWriter.write(exchange.getResponse(),
						HttpStatus.UNAUTHORIZED, "unauthorized", "Sign-in required",
						"This needs a valid, unexpired access token (Authorization: Bearer ...)."))
				.accessDeniedHandler((exchange, ex) -> ProblemWriter.write(exchange.getResponse(), HttpStatus.FORBIDDEN,
						"forbidden", "Not allowed", "Your role does not allow this.")))
			.build();
	}

	static Converter<Jwt, Mono<AbstractAuthenticationToken>> roles(String rolesClaim) {
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter((jwt) -> Tokens.authorities(jwt, rolesClaim));
		return new ReactiveJwtAuthenticationConverterAdapter(converter);
	}

	private static UrlBasedCorsConfigurationSource cors(List<String> origins) {
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		if (!origins.isEmpty()) {
			CorsConfiguration configuration = new CorsConfiguration();
			configuration.setAllowedOrigins(origins);
			configuration.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE"));
			configuration
				.setAllowedHeaders(List.of("Authorization", "Content-Type", "Idempotency-Key", "X-Request-Id"));
			configuration.setExposedHeaders(List.of("X-Request-Id", "Retry-After", "Location"));
			configuration.setMaxAge(Duration.ofHours(1));
			source.registerCorsConfiguration("/**", configuration);
		}
		return source;
	}

}
