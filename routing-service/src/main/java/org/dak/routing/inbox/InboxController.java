package org.dak.routing.inbox;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.dak.contracts.OfficeTime;
import org.dak.support.security.DakUser;
import org.dak.platform.Problem;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
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
 * The DM's marking inbox, newest first.
 */
@RestController
@Validated
@RequestMapping("/api/v1/inbox")
class InboxController {

	private final Inbox inbox;

	InboxController(Inbox inbox) {
		this.inbox = inbox;
	}

	@GetMapping
	PagedModel<InboxEntry> inbox(@RequestParam(required = false) InboxState state,
			@RequestParam(required = false) @Pattern(regexp = "EMAIL|POST|FAX|SOCIAL_MEDIA|WALK_IN|WEB") String channel,
			@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
			@RequestParam(required = false) Boolean duplicate,
			@RequestParam(required = false) @Size(max = 100) String q,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
		Inbox.Filter filter = new Inbox.Filter(state, channel,
				(from != null) ? from.atStartOfDay(OfficeTime.ZONE).toInstant() : null,
				(to != null) ? to.plusDays(1).atStartOfDay(OfficeTime.ZONE).toInstant() : null, duplicate, q);
		Page<InboxEntry> entries = this.inbox.list(filter, PageRequest.of(page, size));
		return new PagedModel<>(entries);
	}

	/**
	 * Marks a batch to one department; each item succeeds or is refused on its own.
	 *
	 * @param complaintIds the items (at most 100)
	 * @param departmentCode the department
	 * @param instructions the DM's instructions
	 * @param dueDate by when (optional)
	 * @param copyTo departments that get a copy for information (optional)
	 */
	record MarkBatch(@NotEmpty @Size(max = 100) List<@NotBlank String> complaintIds,
			@NotBlank @Size(max = 30) String departmentCode, @Size(max = 2000) String instructions,
			@FutureOrPresent LocalDate dueDate, @Size(max = 10) List<@NotBlank @Size(max = 30) String> copyTo) {
	}

	/**
	 * Why the DM takes an item back.
	 *
	 * @param reason the reason, kept on the timeline
	 */
	record Recall(@NotBlank @Size(max = 2000) String reason) {
	}

	@PostMapping("/marking")
	List<Inbox.BatchOutcome> markBatch(@Valid @RequestBody MarkBatch batch) {
		return this.inbox.markAll(batch.complaintIds(),
				new MarkComplaint(batch.departmentCode(), batch.instructions(), batch.dueDate(), batch.copyTo()),
				DakUser.current().orElseThrow().username());
	}

	@PostMapping("/{complaintId}/re-marking")
	InboxEntry remark(@PathVariable String complaintId, @Valid @RequestBody MarkComplaint marking) {
		return this.inbox.remark(complaintId, marking, DakUser.current().orElseThrow().username());
	}

	@PostMapping("/{complaintId}/recall")
	InboxEntry recall(@PathVariable String complaintId, @Valid @RequestBody Recall recall) {
		return this.inbox.recall(complaintId, recall.reason(), DakUser.current().orElseThrow().username());
	}

	@GetMapping("/{complaintId}")
	InboxEntry item(@PathVariable String complaintId) {
		return this.inbox.find(complaintId)
			.map(InboxEntry::of)
			.orElseThrow(() -> new Problem(HttpStatus.NOT_FOUND, "complaint-not-found", "Complaint not found",
					"No item " + complaintId + " is in the inbox."));
	}

	@PostMapping("/{complaintId}/marking")
	InboxEntry mark(@PathVariable String complaintId, @Valid @RequestBody MarkComplaint marking) {
		return this.inbox.mark(complaintId, marking, DakUser.current().orElseThrow().username());
	}

}
