package org.dak.routing.inbox;

import java.time.LocalDate;

import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The DM's marking of an item.
 *
 * @param departmentCode the department to mark it to
 * @param instructions what the department is to do
 * @param dueDate by when (optional)
 */
record MarkComplaint(@NotBlank @Size(max = 30) String departmentCode, @Size(max = 2000) String instructions,
		@FutureOrPresent LocalDate dueDate) {

}
