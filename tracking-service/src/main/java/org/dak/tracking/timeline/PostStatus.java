package org.dak.tracking.timeline;

import org.dak.contracts.ItemStatus;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A department's status update. The department is the signed-in officer's, never a field
 * of the request.
 *
 * @param status {@code IN_PROGRESS}, {@code DISPOSED}, {@code RETURNED} or
 * {@code REJECTED}
 * @param note the action taken, or the reason; required for all but {@code IN_PROGRESS}
 */
record PostStatus(@Schema(example = "DISPOSED") @NotNull ItemStatus status,
		@Schema(example = "बच्चों के नाम जोड़ दिए गए, नया कार्ड 10 दिन में") @Size(max = 4000) String note) {

}
