package org.dak.intake.complaint;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The form of an Open311 request, as the API document shows it (the controller reads the
 * form itself, to take {@code attribute[code]} answers and to answer errors in the
 * standard's form). Field names are the standard's.
 */
@Schema(name = "Open311RequestForm",
		description = "GeoReport v2 request fields; answers to a service's questions as attribute[code]=value; "
				+ "service_code and a place (lat and long, address_string or address_id) are required")
record Open311RequestForm(
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "drinking-water") String service_code,
		@Schema(example = "25.1972") Double lat, @Schema(name = "long", example = "85.5231") Double longitude,
		@Schema(example = "वार्ड 4, बिहारशरीफ़") String address_string, String address_id,
		@Schema(example = "हैंडपंप खराब है") String description,
		@Schema(example = "https://photos.example.in/pump.jpg") String media_url, String first_name, String last_name,
		@Schema(example = "9700011122") String phone, String email, String device_id, String account_id,
		@Schema(description = "an adapter key, optional") String api_key) {
}
