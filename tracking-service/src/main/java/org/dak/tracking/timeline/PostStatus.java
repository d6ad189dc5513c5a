package org.dak.tracking.timeline;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A department's status update.
 *
 * @param status {@code IN_PROGRESS}, {@code DISPOSED}, {@code RETURNED} or
 * {@code REJECTED}
 * @param departmentCode the department posting it (until sign-in says who it is)
 * @param note the action taken, or the reason; required for all but {@code IN_PROGRESS}
 */
record PostStatus(@NotNull CaseStatus status, @NotBlank @Size(max = 30) String departmentCode,
		@Size(max = 4000) String note) {

}
