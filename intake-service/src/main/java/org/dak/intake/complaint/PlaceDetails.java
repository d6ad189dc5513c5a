package org.dak.intake.complaint;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Size;
import org.dak.contracts.Place;

/**
 * Where an item is about, when the applicant gave a place: the broken hand pump or the
 * road, not their home (that is their address).
 *
 * @param latitude WGS84 latitude in degrees
 * @param longitude WGS84 longitude in degrees
 * @param address the place in words
 * @param addressId the applicant's app's or a gazetteer's ID of the address
 */
record PlaceDetails(@DecimalMin("-90") @DecimalMax("90") Double latitude,
		@DecimalMin("-180") @DecimalMax("180") Double longitude, @Size(max = 1000) String address,
		@Size(max = 200) String addressId) {

	PlaceDetails {
		address = blankToNull(address);
		addressId = blankToNull(addressId);
	}

	@AssertTrue(message = "needs both latitude and longitude, or neither")
	boolean isWholeCoordinates() {
		return (this.latitude == null) == (this.longitude == null);
	}

	/** Whether it names a place at all. */
	boolean isGiven() {
		return this.latitude != null || this.address != null || this.addressId != null;
	}

	Place toEvent() {
		return new Place(this.latitude, this.longitude, this.address, this.addressId);
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
