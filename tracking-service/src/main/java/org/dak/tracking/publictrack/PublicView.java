package org.dak.tracking.publictrack;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.dak.contracts.ItemStatus;
import org.dak.tracking.complaintcase.ComplaintCase;
import org.dak.tracking.complaintcase.Step;
import org.dak.tracking.complaintcase.TimelineEntry;

/**
 * What the public may see of an item: status in English and Hindi, dates, department,
 * masked applicant details, interim replies, and the action taken once it is disposed or
 * rejected. No internal notes, offices, evidence or contact details.
 */
record PublicView(String receiptNumber, String status, String statusEn, String statusHi, String subject,
		Instant receivedAt, Department department, LocalDate dueDate, Applicant applicant, List<Entry> timeline) {

	private static final Set<ItemStatus> PUBLIC_NOTES = Set.of(ItemStatus.DISPOSED, ItemStatus.REJECTED);

	record Department(String code, String name, String nameHi) {
	}

	record Applicant(String initials, String mobile, String email) {
	}

	record Entry(Instant at, String status, String statusEn, String statusHi, String note) {
	}

	private static Entry entry(TimelineEntry entry) {
		if (TimelineEntry.DEADLINE_MOVED.equals(entry.step())) {
			// the office's calendar changed: a public fact, said as such
			return new Entry(entry.at(), entry.status().name(), "Due date moved", "निष्पादन तिथि बदली", entry.note());
		}
		Optional<Step> working = Step.named(entry.step());
		boolean interimReply = working.filter(Step.INTERIM_REPLY::equals).isPresent();
		String note = (PUBLIC_NOTES.contains(entry.status()) || interimReply) ? entry.note() : null;
		return new Entry(entry.at(), entry.status().name(), working.map(Step::english).orElse(entry.status().english()),
				working.map(Step::hindi).orElse(entry.status().hindi()), note);
	}

	static PublicView of(ComplaintCase c) {
		Department department = (c.departmentCode() != null)
				? new Department(c.departmentCode(), c.departmentName(), c.departmentNameHi()) : null;
		List<Entry> steps = c.timeline()
			.stream()
			.filter((entry) -> !entry.isRefusedDecision())
			.map(PublicView::entry)
			.toList();
		return new PublicView(c.id(), c.status().name(), c.status().english(), c.status().hindi(), c.subject(),
				c.receivedAt(), department, c.dueDate(),
				new Applicant(c.applicant().initials(), c.applicant().mobile(), c.applicant().email()), steps);
	}

}
