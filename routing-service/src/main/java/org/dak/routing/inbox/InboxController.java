package org.dak.routing.inbox;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
		Page<InboxEntry> entries = this.inbox.list(state, PageRequest.of(page, size));
		return new PagedModel<>(entries);
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
