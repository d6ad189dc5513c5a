package org.dak.tracking.timeline;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.dak.support.security.DakUser;
import org.dak.platform.Roles;
import org.dak.platform.Problem;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The departments' side: their queue, one item's timeline, and posting a status.
 */
@RestController
@Validated
@RequestMapping("/api/v1/cases")
class CaseController {

	private final Cases cases;

	CaseController(Cases cases) {
		this.cases = cases;
	}

	@GetMapping
	PagedModel<CaseView> queue(@RequestParam(required = false) String department,
			@RequestParam(required = false) CaseStatus status, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
		DakUser user = DakUser.current().orElseThrow();
		if (user.has(Roles.DEPARTMENT_OFFICER) && !user.has(Roles.DM)) {
			if (department != null && !department.equals(user.department())) {
				throw new Problem(HttpStatus.FORBIDDEN, "other-department", "Another department's queue",
						"You may see the queue of " + user.department() + " only.");
			}
			department = user.department();
		}
		if (department == null) {
			throw new Problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
					"Name the department: ?department=CODE");
		}
		return new PagedModel<>(this.cases
			.queue(department, status, PageRequest.of(page, size, Sort.by(Sort.Direction.ASC, "receivedAt")))
			.map(CaseView::of));
	}

	@GetMapping("/{complaintId}")
	CaseView item(@PathVariable String complaintId) {
		return this.cases.visibleTo(complaintId, DakUser.current().orElseThrow())
			.map(CaseView::of)
			.orElseThrow(() -> notFound(complaintId));
	}

	@PostMapping("/{complaintId}/status")
	CaseView postStatus(@PathVariable String complaintId, @Valid @RequestBody PostStatus update) {
		this.cases.changeStatus(complaintId, update.status(), DakUser.current().orElseThrow(), update.note());
		return item(complaintId);
	}

	static Problem notFound(String complaintId) {
		return new Problem(HttpStatus.NOT_FOUND, "complaint-not-found", "Complaint not found",
				"No item " + complaintId + " is being tracked.");
	}

}
