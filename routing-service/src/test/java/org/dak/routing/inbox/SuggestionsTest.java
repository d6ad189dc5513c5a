package org.dak.routing.inbox;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SuggestionsTest {

	private final Suggestions suggestions = new Suggestions(Map.of("SUPPLY", List.of("राशन", "ration"), "PHED",
			List.of("हैंडपंप", "hand pump", "पेयजल"), "ELECTRICITY", List.of("बिजली")),
			Map.of("ration-card", "SUPPLY"));

	@Test
	void theDepartmentWithTheMostKeywordsIsSuggestedInAnyScriptOrCase() {
		assertThat(this.suggestions.suggest("हैंडपंप खराब", "गाँव में पेयजल नहीं, बिजली भी नहीं")).contains("PHED");
		assertThat(this.suggestions.suggest("RATION card not issued", null)).contains("SUPPLY");
	}

	@Test
	void aKnownCategoryDecidesBeforeAnyKeyword() {
		assertThat(this.suggestions.suggest("ration-card", "बिजली नहीं", null)).contains("SUPPLY");
		assertThat(this.suggestions.suggest("unknown-category", "बिजली नहीं", null)).contains("ELECTRICITY");
	}

	@Test
	void nothingIsSuggestedWithoutAKeyword() {
		assertThat(this.suggestions.suggest("आवेदन", "कृपया ध्यान दें")).isEmpty();
	}

}
