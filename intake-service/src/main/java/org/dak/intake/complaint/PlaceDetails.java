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

	/** The place as a receipt prints it: words, ID and coordinates. */
	String inWords() {
		java.util.List<String> parts = new java.util.ArrayList<>();
		java.util.Optional.ofNullable(this.address).ifPresent(parts::add);
		java.util.Optional.ofNullable(this.addressId).ifPresent(parts::add);
		if (this.latitude != null) {
			parts.add(this.latitude + ", " + this.longitude);
		}
		return String.join(" · ", parts);
	}

	Place toEvent() {
		return new Place(this.latitude, this.longitude, this.address, this.addressId);
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
