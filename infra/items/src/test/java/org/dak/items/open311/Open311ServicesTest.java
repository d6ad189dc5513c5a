package org.dak.items.open311;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What of a request the public Open311 lists may show: the services say which answers are
 * public and which requests are about a place.
 */
class Open311ServicesTest {

	@Test
	void aPrivateAnswerIsLeftOutOfThePublicDescriptionAndTheApplicantsTextKept() {
		Open311Services.Service pension = Open311Services.named("pension").orElseThrow();
		String description = "छह महीने से पेंशन नहीं आई\nदूसरी पंक्ति\n"
				+ pension.questions().get(0).answerLine("widow");

		assertThat(description).contains("विधवा पेंशन / Widow pension");
		assertThat(pension.publicDescription(description)).isEqualTo("छह महीने से पेंशन नहीं आई\nदूसरी पंक्ति");
	}

	@Test
	void onlyReportsAboutAPlaceShowWhereTheyAre() {
		assertThat(Open311Services.named("drinking-water").orElseThrow().aboutAPlace()).isTrue();
		assertThat(Open311Services.named("road").orElseThrow().aboutAPlace()).isTrue();
		assertThat(Open311Services.named("ration-card").orElseThrow().aboutAPlace()).isFalse();
		assertThat(Open311Services.named("pension").orElseThrow().aboutAPlace()).isFalse();
		assertThat(Open311Services.ALL.stream().flatMap((service) -> service.questions().stream()))
			.as("no answer the office asks for today is public")
			.noneMatch(Open311Services.Question::shownPublicly);
	}

}
