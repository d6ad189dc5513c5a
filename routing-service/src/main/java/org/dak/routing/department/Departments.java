package org.dak.routing.department;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The department master data: seeded (and refreshed) from configuration at start-up.
 */
@Component
public class Departments implements ApplicationRunner {

	private final MongoTemplate mongo;

	private final DepartmentProperties properties;

	Departments(MongoTemplate mongo, DepartmentProperties properties) {
		this.mongo = mongo;
		this.properties = properties;
	}

	@Override
	public void run(ApplicationArguments args) {
		for (DepartmentProperties.Seed seed : this.properties.departments()) {
			this.mongo.save(new Department(seed.code(), seed.name(), seed.nameHi(), seed.officerEmail()));
		}
	}

	public Optional<Department> find(String code) {
		return Optional.ofNullable(this.mongo.findById(code, Department.class));
	}

	public List<Department> all() {
		return this.mongo.findAll(Department.class).stream().sorted(Comparator.comparing(Department::name)).toList();
	}

}
