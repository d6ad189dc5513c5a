package org.dak.gateway.desk;

import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.config.ResourceHandlerRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

/**
 * Serves the desks: {@code /desk/} is the sign-in page; fonts are cached for a month
 * (they change with a new file name only), pages and scripts are checked each time (a 304
 * on a slow link costs little, and a new version is never held back).
 */
@Configuration(proxyBeanMethods = false)
class DeskPages implements WebFluxConfigurer {

	private static final Resource SIGN_IN = new ClassPathResource("static/desk/index.html");

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/desk/fonts/**")
			.addResourceLocations("classpath:/static/desk/fonts/")
			.setCacheControl(CacheControl.maxAge(Duration.ofDays(30)).cachePublic());
		registry.addResourceHandler("/desk/**")
			.addResourceLocations("classpath:/static/desk/")
			.setCacheControl(CacheControl.noCache());
	}

	@Bean
	RouterFunction<ServerResponse> deskSignIn() {
		return RouterFunctions.route(GET("/desk").or(GET("/desk/")),
				(request) -> ServerResponse.ok()
					.contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
					.cacheControl(CacheControl.noCache())
					.bodyValue(SIGN_IN));
	}

}
