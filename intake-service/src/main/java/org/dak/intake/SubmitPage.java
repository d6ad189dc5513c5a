package org.dak.intake;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The citizen's web form at {@code /submit} (a static page that posts to the API).
 */
@Configuration(proxyBeanMethods = false)
class SubmitPage implements WebMvcConfigurer {

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addViewController("/submit").setViewName("forward:/submit.html");
	}

}
