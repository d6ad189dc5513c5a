package org.dak.intake;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the receipt desk.
 *
 * @param districtCode three-letter district code at the head of every receipt number
 * (e.g. {@code NAL} for Nalanda)
 * @param officeName the office's name as printed on receipts
 * @param publicBaseUrl where citizens reach the system: tracking links and QR codes point
 * here
 */
@Validated
@ConfigurationProperties("dak.intake")
public record IntakeProperties(@DefaultValue("NAL") @Pattern(regexp = "[A-Z]{3}") String districtCode,
		@DefaultValue("Collectorate, Nalanda") @NotBlank String officeName,
		@DefaultValue("http://localhost:8080") @NotBlank String publicBaseUrl) {

	/** The tracking link printed on a receipt and encoded in its QR code. */
	public String trackingUrl(String receiptNumber, String accessCode) {
		return this.publicBaseUrl.replaceAll("/+$", "") + "/track/" + receiptNumber + "?code=" + accessCode;
	}

}
