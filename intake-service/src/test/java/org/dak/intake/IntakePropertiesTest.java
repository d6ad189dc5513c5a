package org.dak.intake;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IntakePropertiesTest {

	@Test
	void trackingLinkJoinsBaseUrlReceiptNumberAndCodeWhateverTheTrailingSlash() {
		IntakeProperties properties = new IntakeProperties("NAL", "Collectorate, Nalanda", "समाहरणालय, नालंदा",
				"Form A", "https://dak.example/", 60);

		assertThat(properties.trackingUrl("NAL-2026-000001-Q", "8ABAV19ZZGYXRVRM"))
			.isEqualTo("https://dak.example/track/NAL-2026-000001-Q?code=8ABAV19ZZGYXRVRM");
	}

}
