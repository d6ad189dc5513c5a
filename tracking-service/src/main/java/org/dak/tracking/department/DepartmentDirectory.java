package org.dak.tracking.department;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.dak.contracts.DepartmentChanged;
import org.dak.contracts.Office;
import org.dak.contracts.Topics;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The departments as routing last announced them. Each event carries the whole
 * department, so the newest one wins and an older one arriving late changes nothing.
 */
@Component
public class DepartmentDirectory {

	private final MongoTemplate mongo;

	DepartmentDirectory(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * A department as tracking knows it.
	 *
	 * @param code its code
	 * @param name English name
	 * @param nameHi Hindi name
	 * @param offices the offices below it
	 * @param changedAt when routing last changed it
	 */
	@Document("departments")
	record KnownDepartment(@Id String code, String name, String nameHi, List<Office> offices, Instant changedAt) {
	}

	/**
	 * Keeps the newest version. One department's events share a partition (keyed by its
	 * code), so they arrive one at a time and reading before writing is safe.
	 */
	@KafkaListener(topics = Topics.DEPARTMENT_CHANGED)
	void on(DepartmentChanged event) {
		KnownDepartment known = this.mongo.findById(event.departmentCode(), KnownDepartment.class);
		if (known != null && known.changedAt() != null && !known.changedAt().isBefore(event.occurredAt())) {
			return;
		}
		this.mongo.save(new KnownDepartment(event.departmentCode(), event.name(), event.nameHi(),
				(event.offices() != null) ? event.offices() : List.of(), event.occurredAt()));
	}

	/** The office with that code below the department, if routing has announced it. */
	public Optional<Office> office(String departmentCode, String officeCode) {
		return Optional.ofNullable(this.mongo.findById(departmentCode, KnownDepartment.class))
			.flatMap((department) -> department.offices()
				.stream()
				.filter((office) -> office.code().equals(officeCode))
				.findFirst());
	}

}
