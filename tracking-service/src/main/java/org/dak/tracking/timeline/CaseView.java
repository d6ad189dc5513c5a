package org.dak.tracking.timeline;

import org.dak.tracking.complaintcase.ComplaintCase;
import org.dak.tracking.complaintcase.TimelineEntry;
import org.dak.tracking.complaintcase.CaseMessages;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.dak.contracts.Place;
import org.dak.contracts.ItemStatus;

/**
 * An item as staff see it; the messages sent about it come with the single item, not in
 * the queue. The place it is about and a link to the applicant's photo of it come when
 * the applicant gave them (Open311 reports).
 */
record CaseView(String complaintId, ItemStatus status, String statusEn, String statusHi, String departmentCode,
		String departmentName, String departmentNameHi, String officeCode, List<String> copiedTo, LocalDate dueDate,
		String channel, String category, String subject, Instant receivedAt, ComplaintCase.MaskedApplicant applicant,
		List<TimelineEntry> timeline, List<CaseMessages.MessageSent> messages, Place place, String mediaUrl) {

	static CaseView of(ComplaintCase c, List<CaseMessages.MessageSent> messages) {
		return new CaseView(c.id(), c.status(), c.status().english(), c.status().hindi(), c.departmentCode(),
				c.departmentName(), c.departmentNameHi(), c.officeCode(), c.copiedTo(), c.dueDate(), c.channel(),
				c.category(), c.subject(), c.receivedAt(), c.applicant(), c.timeline(), messages, c.place(),
				c.mediaUrl());
	}

}
