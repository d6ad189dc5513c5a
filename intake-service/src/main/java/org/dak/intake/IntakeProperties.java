package org.dak.intake;

import jakarta.validation.constraints.Min;
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
 * @param officeNameHi the office's name in Hindi
 * @param formNumber the receipt's form number as prescribed (GAD), printed on it
 * @param publicBaseUrl where citizens reach the system: tracking links and QR codes point
 * here
 * @param disposalWorkingDays working days to the expected disposal printed on receipts
 * (Bihar Right to Public Grievance Redressal Act: 60), in the working days of the
 * office's calendar in force
 */
@Validated
@ConfigurationProperties("dak.intake")
public record IntakeProperties(@DefaultValue("NAL") @Pattern(regexp = "[A-Z]{3}") String districtCode,
		@DefaultValue("Collectorate, Nalanda") @NotBlank String officeName,
		@DefaultValue("समाहरणालय, नालंदा") @NotBlank String officeNameHi,
		@DefaultValue("प्रपत्र-क / Form A") @NotBlank String formNumber,
		@DefaultValue("http://localhost:8080") @NotBlank String publicBaseUrl,
		@DefaultValue("60") @Min(1) int disposalWorkingDays) {

	/** The tracking link printed on a receipt and encoded in its QR code. */
	public String trackingUrl(String receiptNumber, String accessCode) {
		return trackingPage(receiptNumber) + "?code=" + accessCode;
	}

	/** The item's public tracking page, without the code that opens it. */
	public String trackingPage(String receiptNumber) {
		return this.publicBaseUrl.replaceAll("/+$", "") + "/track/" + receiptNumber;
	}

}
