package org.dak.notification.template;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The templates as shipped in {@code templates.yml}, bound as the service binds them.
 */
public final class ShippedTemplates {

	private ShippedTemplates() {
	}

	public static TemplateProperties properties() throws Exception {
		PropertySource<?> yaml = new YamlPropertySourceLoader()
			.load("templates", new ClassPathResource("templates.yml"))
			.get(0);
		Map<String, Object> values = new HashMap<>();
		for (String name : ((EnumerablePropertySource<?>) yaml).getPropertyNames()) {
			values.put(name, yaml.getProperty(name).toString());
		}
		return new Binder(new MapConfigurationPropertySource(values)).bind("dak.notification", TemplateProperties.class)
			.get();
	}

}
