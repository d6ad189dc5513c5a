package org.dak.tracking.publictrack;

import java.util.Optional;

import org.dak.items.identity.AccessCodes;
import org.dak.items.identity.ReceiptNumbers;
import org.dak.tracking.timeline.Cases;
import org.dak.tracking.complaintcase.ComplaintCase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class PublicTrackingTest {

	private static final String CODE = "7QK3M9ZD2XWA4HPR";

	private final Cases cases = mock(Cases.class);

	private final PublicTracking tracking = new PublicTracking(this.cases, mock(OneTimeCodes.class));

	@Test
	void everyMissTakesTheSamePathOneLookupAndOneHashAndAnswersEmpty() {
		String known = ReceiptNumbers.format("NAL", 2026, 123);
		ComplaintCase complaintCase = mock(ComplaintCase.class);
		when(complaintCase.accessCodeHash()).thenReturn(AccessCodes.hash(CODE));
		when(this.cases.find(anyString())).thenReturn(Optional.empty());
		when(this.cases.find(known)).thenReturn(Optional.of(complaintCase));

		assertThat(this.tracking.open(known, "AAAABBBBCCCCDDDD")).isEmpty();
		assertThat(this.tracking.open(ReceiptNumbers.format("NAL", 2026, 999), CODE)).isEmpty();
		assertThat(this.tracking.open("NAL-2026-12", CODE)).isEmpty();
		assertThat(this.tracking.open("'; drop table cases", null)).isEmpty();

		verify(this.cases, times(4)).find(anyString());
	}

	@Test
	void aNumberTypedInLowerCaseOrWithSpacesIsLookedUpAsPrinted() {
		String known = ReceiptNumbers.format("NAL", 2026, 77);
		when(this.cases.find(known)).thenReturn(Optional.empty());

		assertThat(this.tracking.open("  " + known.toLowerCase() + " ", CODE)).isEmpty();
		verify(this.cases).find(known);
	}

}
