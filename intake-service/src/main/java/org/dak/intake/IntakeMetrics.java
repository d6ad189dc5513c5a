package org.dak.intake;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Counts refused submissions by reason ({@code dak.intake.rejected}), whatever refused
 * them: validation, the channel rule, the attachment checks.
 */
@Configuration(proxyBeanMethods = false)
class IntakeMetrics implements WebMvcConfigurer {

	private final MeterRegistry meters;

	IntakeMetrics(MeterRegistry meters) {
		this.meters = meters;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {
			@Override
			public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
					Exception ex) {
				int status = response.getStatus();
				if ("POST".equals(request.getMethod()) && status >= 400 && status < 500 && status != 401) {
					IntakeMetrics.this.meters.counter("dak.intake.rejected", "reason", reason(status)).increment();
				}
			}
		}).addPathPatterns("/api/v1/complaints", "/api/v1/channels/**");
	}

	private static String reason(int status) {
		return switch (status) {
			case 400 -> "invalid";
			case 403 -> "not-allowed";
			case 413 -> "too-large";
			case 415 -> "unsupported-type";
			case 422 -> "unprocessable";
			default -> "other";
		};
	}

}
