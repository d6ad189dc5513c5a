package org.dak.routing.inbox;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which department an item probably belongs to: from its category
 * ({@code dak.routing.categories}: category → department code), else from words in its
 * subject and text ({@code dak.routing.suggestions}: department code → keywords, in any
 * script). Only a suggestion: the DM marks.
 *
 * @param suggestions keywords per department code
 * @param categories department code per category
 */
@ConfigurationProperties("dak.routing")
record Suggestions(@DefaultValue Map<String, List<String>> suggestions, @DefaultValue Map<String, String> categories) {

	/** The category's department, else the one whose keywords occur most often. */
	Optional<String> suggest(String category, String subject, String description) {
		if (category != null && this.categories.containsKey(category)) {
			return Optional.of(this.categories.get(category));
		}
		return suggest(subject, description);
	}

	/** The department whose keywords occur most often, if any occurs. */
	Optional<String> suggest(String subject, String description) {
		String text = ((subject != null) ? subject : "") + " " + ((description != null) ? description : "");
		String lower = text.toLowerCase(Locale.ROOT);
		String best = null;
		int bestHits = 0;
		for (Map.Entry<String, List<String>> department : this.suggestions.entrySet()) {
			int hits = 0;
			for (String keyword : department.getValue()) {
				if (!keyword.isBlank() && lower.contains(keyword.toLowerCase(Locale.ROOT))) {
					hits++;
				}
			}
			if (hits > bestHits) {
				best = department.getKey();
				bestHits = hits;
			}
		}
		return Optional.ofNullable(best);
	}

}
