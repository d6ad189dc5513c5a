package org.dak.contracts;

/**
 * Where an item is about, as a civic app gave it (Open311 {@code lat}, {@code long},
 * {@code address_string}, {@code address_id}): the broken hand pump, not the applicant's
 * home. Any part may be {@code null}, but not all of them.
 *
 * @param latitude WGS84 latitude in degrees
 * @param longitude WGS84 longitude in degrees
 * @param address the place in words
 * @param addressId the app's or a gazetteer's ID of the address
 */
public record Place(Double latitude, Double longitude, String address, String addressId) {
}
