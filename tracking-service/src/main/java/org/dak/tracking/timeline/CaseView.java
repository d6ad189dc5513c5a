package org.dak.tracking.timeline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An item as staff see it in a department's queue.
 */
record CaseView(String complaintId, CaseStatus status, String departmentCode, String departmentName, LocalDate dueDate,
		String channel, String subject, Instant receivedAt, ComplaintCase.MaskedApplicant applicant,
		List<TimelineEntry> timeline) {

	static CaseView of(ComplaintCase c) {
		return new CaseView(c.id(), c.status(), c.departmentCode(), c.departmentName(), c.dueDate(), c.channel(),
				c.subject(), c.receivedAt(), c.applicant(), c.timeline());
	}

}
