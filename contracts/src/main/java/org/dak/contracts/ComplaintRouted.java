package org.dak.contracts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The DM marked (मार्क) an item to a department.
 *
 * @param eventId unique ID of this event; consumers de-duplicate on it
 * @param complaintId the complaint's ID (its receipt number)
 * @param occurredAt when it was marked
 * @param departmentCode the department's code, e.g. {@code REVENUE}
 * @param departmentName the department's name as printed (English)
 * @param departmentNameHi the department's name in Hindi
 * @param departmentEmail the office head's e-mail for the marking alert, or {@code null}
 * @param instructions the DM's instructions to the department, or {@code null}
 * @param dueDate the date by which the department must dispose of it, or {@code null}
 * @param markedBy who marked it
 * @param copyDepartmentCodes departments that get a copy for information (they see the
 * item but do not act on it); empty if none
 * @param markingSequence the number of this decision of the DM's desk on the item (1, 2,
 * …; marking, re-marking and recall each take the next): a consumer applies a decision
 * only if it is newer than the last one it applied or refused; {@code 0} from producers
 * before this field
 */
public record ComplaintRouted(String eventId, String complaintId, Instant occurredAt, String departmentCode,
		String departmentName, String departmentNameHi, String departmentEmail, String instructions, LocalDate dueDate,
		String markedBy, List<String> copyDepartmentCodes, long markingSequence) {
}
