package org.dak.notification.dispatch;

import java.time.Instant;
import java.util.Optional;

import org.dak.contracts.DepartmentChanged;
import org.dak.contracts.Topics;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Who heads each department, as routing last announced it ({@code department-changed}):
 * where reminders and copies go.
 */
@Component
class OfficeDirectory {

	private final MongoTemplate mongo;

	OfficeDirectory(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * A department's head.
	 *
	 * @param code the department
	 * @param name its names, Hindi and English
	 * @param email its office head's e-mail, or {@code null}
	 * @param changedAt as of when
	 */
	@Document("offices")
	record Office(@Id String code, String name, String email, Instant changedAt) {
	}

	/** The newest announcement wins; one department's events share a partition. */
	@KafkaListener(topics = Topics.DEPARTMENT_CHANGED)
	void on(DepartmentChanged event) {
		Office known = this.mongo.findById(event.departmentCode(), Office.class);
		if (known != null && !known.changedAt().isBefore(event.occurredAt())) {
			return;
		}
		this.mongo.save(new Office(event.departmentCode(), event.nameHi() + " / " + event.name(),
				(event.officer() != null) ? event.officer().email() : null, event.occurredAt()));
	}

	/** The office head's e-mail, if the department is known and has one. */
	Optional<String> email(String code) {
		return find(code).map(Office::email);
	}

	Optional<Office> find(String code) {
		return Optional.ofNullable(this.mongo.findById(code, Office.class));
	}

}
