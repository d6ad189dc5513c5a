package org.dak.routing.department;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A department (or office head) items are marked to.
 *
 * @param code its code
 * @param name English name
 * @param nameHi Hindi name
 * @param officerEmail the office head's e-mail
 */
@Document("departments")
public record Department(@Id String code, String name, String nameHi, String officerEmail) {
}
