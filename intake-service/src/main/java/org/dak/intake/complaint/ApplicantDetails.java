package org.dak.intake.complaint;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Who filed the item.
 *
 * @param name full name in any script
 * @param mobile ten-digit Indian mobile number
 * @param email e-mail address
 * @param address postal address
 * @param preferredLanguage {@code hi} (default) or {@code en}
 */
record ApplicantDetails(@Schema(example = "सुनीता देवी") @NotBlank @Size(max = 200) String name,
		@Schema(example = "9876543210") @Pattern(regexp = "[6-9][0-9]{9}",
				message = "must be a ten-digit Indian mobile number") String mobile,
		@Schema(example = "sunita@example.in") @Email @Size(max = 254) String email, @Size(max = 1000) String address,
		@Pattern(regexp = "hi|en", message = "must be hi or en") String preferredLanguage) {

	ApplicantDetails {
		if (preferredLanguage == null) {
			preferredLanguage = "hi";
		}
	}

}
