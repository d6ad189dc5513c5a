package org.dak.routing.department;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The departments seeded at start-up ({@code dak.departments}) when they are not in the
 * database yet; after that the DM's office manages them through the API.
 *
 * @param departments each department with its code, names and office head's e-mail
 */
@Validated
@ConfigurationProperties("dak")
record DepartmentProperties(@NotEmpty List<@Valid Seed> departments) {

	/**
	 * One department.
	 *
	 * @param code short upper-case code, e.g. {@code REVENUE}
	 * @param name English name
	 * @param nameHi Hindi name
	 * @param officerEmail the office head's e-mail for marking alerts
	 */
	record Seed(@NotBlank @Pattern(regexp = DepartmentChange.CODE) String code, @NotBlank String name,
			@NotBlank String nameHi, @Email String officerEmail) {
	}

}
