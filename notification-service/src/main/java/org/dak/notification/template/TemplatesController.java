package org.dak.notification.template;

import java.util.Map;
import java.util.TreeMap;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The message templates in force (Hindi and English, with their DLT template IDs),
 * read-only: they are configuration ({@code templates.yml}), shown so the office can
 * check what applicants and officers are sent.
 */
@RestController
class TemplatesController {

	private final TemplateProperties properties;

	TemplatesController(TemplateProperties properties) {
		this.properties = properties;
	}

	@GetMapping("/api/v1/notifications/templates")
	Map<String, TemplateProperties.Texts> templates() {
		return new TreeMap<>(this.properties.templates());
	}

}
