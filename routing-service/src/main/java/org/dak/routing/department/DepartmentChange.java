package org.dak.routing.department;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.dak.contracts.Office;
import org.dak.contracts.Officer;

/**
 * What the DM's office sends to create or change a department.
 *
 * @param code short upper-case code (only when creating; it never changes)
 * @param name English name
 * @param nameHi Hindi name
 * @param officer the office head
 */
record DepartmentChange(@Pattern(regexp = CODE) String code, @NotBlank @Size(max = 200) String name,
		@NotBlank @Size(max = 200) String nameHi, @NotNull @Valid OfficerContact officer) {

	static final String CODE = "[A-Z][A-Z0-9_]{1,29}";

	/**
	 * How to reach an officer.
	 *
	 * @param name name and designation
	 * @param email e-mail for alerts
	 * @param mobile ten-digit mobile for alerts
	 */
	record OfficerContact(@NotBlank @Size(max = 200) String name, @Email @Size(max = 254) String email,
			@Pattern(regexp = "[6-9][0-9]{9}") String mobile) {

		Officer toOfficer() {
			return new Officer(this.name, this.email, this.mobile);
		}

	}

	/**
	 * An office below a department.
	 *
	 * @param name English name
	 * @param nameHi Hindi name
	 * @param officer the officer in charge
	 */
	record OfficeChange(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 200) String nameHi,
			@NotNull @Valid OfficerContact officer) {

		Office toOffice(String code) {
			return new Office(code, this.name, this.nameHi, this.officer.toOfficer());
		}

	}

	static List<Office> replacing(List<Office> offices, Office office) {
		List<Office> result = new java.util.ArrayList<>(
				offices.stream().filter((existing) -> !existing.code().equals(office.code())).toList());
		result.add(office);
		result.sort(java.util.Comparator.comparing(Office::code));
		return result;
	}

}
