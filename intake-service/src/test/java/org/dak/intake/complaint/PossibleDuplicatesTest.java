package org.dak.intake.complaint;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PossibleDuplicatesTest {

	@Test
	void subjectsSharingHalfTheirWordsAreSimilarInAnyScript() {
		assertThat(PossibleDuplicates.similar("राशन कार्ड में नाम जोड़ने हेतु आवेदन",
				"राशन कार्ड में नाम जोड़ने का अनुरोध"))
			.isTrue();
		assertThat(PossibleDuplicates.similar("Street light not working", "street-light NOT working!")).isTrue();
		assertThat(PossibleDuplicates.similar("राशन कार्ड में नाम जोड़ने हेतु आवेदन", "भूमि सीमांकन हेतु आवेदन"))
			.isFalse();
		assertThat(PossibleDuplicates.similar("", "anything")).isFalse();
	}

}
