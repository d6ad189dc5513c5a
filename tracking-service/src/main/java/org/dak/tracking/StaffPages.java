package org.dak.tracking;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The staff's page for one item at {@code /staff/item?id=}, where the public tracking
 * page (the QR code's link) sends a signed-in officer. The page is static; the item comes
 * from the API with the officer's token, under the same rules as every other call.
 */
@Configuration(proxyBeanMethods = false)
class StaffPages implements WebMvcConfigurer {

	static final String[] PATHS = { "/staff/item", "/staff/item.html", "/staff/staff.js", "/staff/staff.css",
			"/staff/track.js" };

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addViewController("/staff/item").setViewName("forward:/staff/item.html");
	}

}
