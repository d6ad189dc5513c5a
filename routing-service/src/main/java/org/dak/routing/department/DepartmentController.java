package org.dak.routing.department;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.dak.contracts.Office;
import org.dak.contracts.Officer;
import org.dak.platform.Problem;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The department master data: everyone on the staff reads it, the DM's office changes it.
 */
@RestController
@Validated
@RequestMapping("/api/v1/departments")
class DepartmentController {

	private final Departments departments;

	DepartmentController(Departments departments) {
		this.departments = departments;
	}

	/**
	 * A department as the API shows it.
	 */
	record DepartmentView(String code, String name, String nameHi, Officer officer, List<Office> offices) {

		static DepartmentView of(Department department) {
			return new DepartmentView(department.code(), department.name(), department.nameHi(), department.officer(),
					department.offices());
		}

	}

	@GetMapping
	List<DepartmentView> departments() {
		return this.departments.all().stream().map(DepartmentView::of).toList();
	}

	@GetMapping("/{code}")
	DepartmentView department(@PathVariable String code) {
		return this.departments.find(code).map(DepartmentView::of).orElseThrow(() -> Departments.unknown(code));
	}

	@PostMapping
	ResponseEntity<DepartmentView> create(@Valid @RequestBody DepartmentChange change) {
		if (change.code() == null) {
			throw new Problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
					"code: a new department needs a code, e.g. MINORITY_WELFARE");
		}
		Department created = this.departments.create(new Department(change.code(), change.name(), change.nameHi(),
				change.officer().toOfficer(), List.of(), 0L, List.of()));
		return ResponseEntity.created(URI.create("/api/v1/departments/" + created.code()))
			.body(DepartmentView.of(created));
	}

	@PutMapping("/{code}")
	DepartmentView update(@PathVariable String code, @Valid @RequestBody DepartmentChange change) {
		if (change.code() != null && !change.code().equals(code)) {
			throw new Problem(HttpStatus.UNPROCESSABLE_CONTENT, "code-is-fixed", "Code cannot change",
					"A department's code never changes; create a new department instead.");
		}
		return DepartmentView.of(this.departments.update(code, change));
	}

	@PutMapping("/{code}/offices/{officeCode}")
	DepartmentView putOffice(@PathVariable String code,
			@PathVariable @Pattern(regexp = DepartmentChange.CODE) String officeCode,
			@Valid @RequestBody DepartmentChange.OfficeChange office) {
		return DepartmentView.of(this.departments.putOffice(code, office.toOffice(officeCode)));
	}

}
