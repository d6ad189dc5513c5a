package org.dak.routing.department;

import java.util.List;

import org.dak.contracts.Office;
import org.dak.contracts.Officer;
import org.dak.support.events.OutboxEvent;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A department (or office head) items are marked to, with the offices below it. Every
 * change is stored together with the {@code department-changed} event announcing it.
 *
 * @param code its code
 * @param name English name
 * @param nameHi Hindi name
 * @param officer the office head
 * @param offices the offices below it, e.g. block and circle offices
 * @param version changes so far; each change is conditional on it, so two at once cannot
 * both win (a department stored before versioning reads as 0)
 * @param outbox events waiting to be published
 */
@Document("departments")
public record Department(@Id String code, String name, String nameHi, Officer officer, List<Office> offices,
		Long version, List<OutboxEvent> outbox) {

	public Department {
		offices = (offices != null) ? List.copyOf(offices) : List.of();
		outbox = (outbox != null) ? outbox : List.of();
		// stored before departments were versioned: version 0
		version = (version != null) ? version : 0L;
	}

	/** The office below it with that code, if there is one. */
	public java.util.Optional<Office> office(String officeCode) {
		return this.offices.stream().filter((office) -> office.code().equals(officeCode)).findFirst();
	}

	/** The office head's e-mail, or {@code null}. */
	public String officerEmail() {
		return (this.officer != null) ? this.officer.email() : null;
	}

}
