package org.dak.tracking.timeline;

import org.dak.tracking.complaintcase.Step;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A department's working step. The department is the signed-in officer's.
 *
 * @param step {@code ACKNOWLEDGE}, {@code FORWARD}, {@code ACTION_TAKEN} or
 * {@code INTERIM_REPLY}
 * @param note what was done, or what to tell the applicant (required for action taken and
 * interim replies; an interim reply is shown on public tracking)
 * @param officeCode the office below the department (for {@code FORWARD})
 */
record PostStep(@NotNull Step step, @Size(max = 4000) String note,
		@Pattern(regexp = "[A-Z][A-Z0-9_]{1,29}") String officeCode) {

}
