package org.dak.routing.department;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.dak.contracts.DepartmentChanged;
import org.dak.contracts.Office;
import org.dak.contracts.Officer;
import org.dak.platform.Refusal;
import org.dak.support.events.Outbox;
import org.dak.support.events.OutboxEvent;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The department master data: seeded from configuration where missing, then managed by
 * the DM's office. Every change is one conditional write that also stores the
 * {@code department-changed} event, so other services keep their copy current.
 */
@Component
public class Departments implements ApplicationRunner {

	private static final int ATTEMPTS = 5;

	private final MongoTemplate mongo;

	private final DepartmentProperties properties;

	private final Clock clock = Clock.systemUTC();

	private final Outbox outbox;

	Departments(MongoTemplate mongo, DepartmentProperties properties, Outbox outbox) {
		this.mongo = mongo;
		this.outbox = outbox;
		this.properties = properties;
	}

	/**
	 * Seeds the departments not yet in the database. A department stored before it had an
	 * officer record gets one from its seed (and is announced).
	 */
	@Override
	public void run(ApplicationArguments args) {
		for (DepartmentProperties.Seed seed : this.properties.departments()) {
			Officer officer = new Officer("Office head, " + seed.name(), seed.officerEmail(), null);
			Optional<Department> existing = find(seed.code());
			if (existing.isEmpty()) {
				try {
					create(new Department(seed.code(), seed.name(), seed.nameHi(), officer, List.of(), 0L, List.of()));
				}
				catch (Refusal ex) {
					// another instance seeded it at the same moment
				}
			}
			else if (existing.get().officer() == null) {
				change(seed.code(), (department) -> new Department(department.code(), department.name(),
						department.nameHi(), officer, department.offices(), department.version(), List.of()));
			}
		}
	}

	public Optional<Department> find(String code) {
		return Optional.ofNullable(this.mongo.findById(code, Department.class));
	}

	public List<Department> all() {
		return this.mongo.findAll(Department.class).stream().sorted(Comparator.comparing(Department::name)).toList();
	}

	/** Adds a department; 409 if the code is taken. */
	Department create(Department department) {
		Instant now = now();
		DepartmentChanged event = changed(department, now);
		try {
			this.mongo.insert(new Department(department.code(), department.name(), department.nameHi(),
					department.officer(), department.offices(), 0L,
					List.of(OutboxEvent.pending(event, department.code(), event.eventId(), now))));
		}
		catch (DuplicateKeyException ex) {
			throw Refusal.conflict("department-exists", "Department exists",
					"There is already a department with the code " + department.code() + ".");
		}
		return find(department.code()).orElseThrow();
	}

	/** Changes a department's names or officer. */
	Department update(String code, DepartmentChange change) {
		return change(code, (department) -> new Department(code, change.name(), change.nameHi(),
				change.officer().toOfficer(), department.offices(), department.version(), List.of()));
	}

	/** Adds an office below a department, or changes it. */
	Department putOffice(String code, Office office) {
		return change(code,
				(department) -> new Department(code, department.name(), department.nameHi(), department.officer(),
						DepartmentChange.replacing(department.offices(), office), department.version(), List.of()));
	}

	/**
	 * Applies a change if nobody changed the department meanwhile (else reads it again),
	 * storing the event with it.
	 */
	private Department change(String code, UnaryOperator<Department> change) {
		for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
			Department current = find(code).orElseThrow(() -> unknown(code));
			Department next = change.apply(current);
			Instant now = now();
			DepartmentChanged event = changed(next, now);
			Criteria unchanged = (current.version() == 0L) ? new Criteria().orOperator(Criteria.where("version").is(0L),
					Criteria.where("version").exists(false)) : Criteria.where("version").is(current.version());
			Query query = Query.query(Criteria.where("_id").is(code)).addCriteria(unchanged);
			Update update = new Update().set("name", next.name())
				.set("nameHi", next.nameHi())
				.set("officer", next.officer())
				.set("offices", next.offices())
				.inc("version", 1)
				.push("outbox", OutboxEvent.pending(event, code, event.eventId(), now));
			if (this.outbox.write("departments", code, () -> this.mongo.updateFirst(query, update, Department.class))
				.getModifiedCount() == 1) {
				return find(code).orElseThrow();
			}
		}
		throw Refusal.conflict("concurrent-change", "Changed meanwhile",
				"Department " + code + " is being changed by someone else; try again.");
	}

	static Refusal unknown(String code) {
		return Refusal.notFound("unknown-department", "Unknown department",
				"There is no department with the code " + code + ". GET /api/v1/departments lists them.");
	}

	private static DepartmentChanged changed(Department department, Instant at) {
		return new DepartmentChanged(OutboxEvent.newEventId(), department.code(), at, department.name(),
				department.nameHi(), department.officer(), department.offices());
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

}
