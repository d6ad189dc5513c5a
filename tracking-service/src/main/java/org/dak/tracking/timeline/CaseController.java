package org.dak.tracking.timeline;

import org.dak.tracking.complaintcase.CaseMessages;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import java.util.List;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.dak.contracts.ItemStatus;
import org.dak.items.attachment.Upload;
import org.dak.support.security.DakUser;
import org.dak.platform.Roles;
import org.dak.platform.Problem;
import org.dak.items.attachment.web.AttachmentsOverHttp;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PagedModel;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The departments' side: their queue, one item's timeline, working steps with evidence,
 * and posting a status.
 */
@RestController
@Validated
@RequestMapping("/api/v1/cases")
class CaseController {

	private final Cases cases;

	private final CaseMessages messages;

	CaseController(Cases cases, CaseMessages messages) {
		this.cases = cases;
		this.messages = messages;
	}

	@GetMapping
	PagedModel<CaseView> queue(@RequestParam(required = false) String department,
			@RequestParam(required = false) ItemStatus status, @RequestParam(defaultValue = "false") boolean overdue,
			@RequestParam(defaultValue = "false") boolean dueSoon,
			@RequestParam(required = false) @Pattern(regexp = "[A-Z][A-Z0-9_]{1,29}") String office,
			@RequestParam(defaultValue = "false") boolean copies, @RequestParam(defaultValue = "0") @Min(0) int page,
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
		Cases.QueueFilter filter = new Cases.QueueFilter(department, status, overdue, dueSoon, office, copies);
		// oldest due first: what needs doing soonest is on top
		Sort order = Sort.by(Sort.Order.asc("dueDate"), Sort.Order.asc("receivedAt"));
		return new PagedModel<>(
				this.cases.queue(filter, PageRequest.of(page, size, order)).map((c) -> CaseView.of(c, null)));
	}

	@GetMapping("/{complaintId}")
	CaseView item(@PathVariable String complaintId) {
		return this.cases.visibleTo(complaintId, DakUser.current().orElseThrow())
			.map((c) -> CaseView.of(c, this.messages.of(complaintId)))
			.orElseThrow(() -> Cases.notFound(complaintId));
	}

	@PostMapping("/{complaintId}/status")
	CaseView postStatus(@PathVariable String complaintId, @Valid @RequestBody PostStatus update) {
		this.cases.changeStatus(complaintId, update.status(), DakUser.current().orElseThrow(), update.note());
		return item(complaintId);
	}

	/**
	 * A working step, as JSON.
	 */
	@PostMapping(path = "/{complaintId}/steps", consumes = MediaType.APPLICATION_JSON_VALUE)
	CaseView postStep(@PathVariable String complaintId, @Valid @RequestBody PostStep step) {
		return postStep(complaintId, step, List.of());
	}

	/**
	 * A working step with evidence: the step as JSON in part {@code step}, files in parts
	 * {@code evidence}.
	 */
	@PostMapping(path = "/{complaintId}/steps", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	CaseView postStepWithEvidence(@PathVariable String complaintId, @Valid @RequestPart("step") PostStep step,
			@RequestPart(name = "evidence", required = false) List<MultipartFile> evidence) {
		return postStep(complaintId, step, AttachmentsOverHttp.uploads(evidence));
	}

	private CaseView postStep(String complaintId, PostStep step, List<Upload> evidence) {
		this.cases.step(complaintId, step.step(), DakUser.current().orElseThrow(), step.note(), step.officeCode(),
				evidence);
		return item(complaintId);
	}

	/** An evidence file, for those who may see the item. */
	@GetMapping("/{complaintId}/evidence/{fileId}")
	ResponseEntity<InputStreamResource> evidence(@PathVariable String complaintId, @PathVariable String fileId) {
		return AttachmentsOverHttp.download(this.cases.evidence(complaintId, fileId, DakUser.current().orElseThrow())
			.orElseThrow(() -> new Problem(HttpStatus.NOT_FOUND, "evidence-not-found", "Evidence not found",
					"Item " + complaintId + " has no evidence file " + fileId + " you may see.")));
	}

}
