package org.dak.routing.inbox;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The DM's marking of an item.
 *
 * @param departmentCode the department to mark it to
 * @param instructions what the department is to do
 * @param dueDate by when (optional; else the deadline rule gives it)
 * @param copyTo departments that get a copy for information (optional)
 */
record MarkComplaint(@Schema(example = "SUPPLY") @NotBlank @Size(max = 30) String departmentCode,
		@Schema(example = "जाँच कर 15 दिन में आख्या दें") @Size(max = 2000) String instructions,
		@Schema(example = "2026-12-15") @FutureOrPresent LocalDate dueDate,
		@Size(max = 10) List<@NotBlank @Size(max = 30) String> copyTo) {

	MarkComplaint {
		copyTo = (copyTo != null) ? List.copyOf(new java.util.LinkedHashSet<>(copyTo)) : List.of();
	}

}
