package org.dak.tracking.publictrack;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dak.platform.Problem;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Open311 GeoReport v2 request status: {@code GET requests/<id>.json}, where the ID is
 * the receipt number and access code joined by {@code ~} (as {@code POST requests.json}
 * gave it). Status is {@code open} until the item is disposed of, rejected or closed.
 */
@RestController
class Open311StatusController {

	private static final Set<String> CLOSED = Set.of("DISPOSED", "REJECTED", "CLOSED");

	private final PublicTracking tracking;

	Open311StatusController(PublicTracking tracking) {
		this.tracking = tracking;
	}

	@GetMapping(path = "/open311/v2/requests/{id}.json", produces = MediaType.APPLICATION_JSON_VALUE)
	List<Map<String, Object>> request(@PathVariable String id) {
		String[] parts = id.split("~", 2);
		PublicView view = this.tracking.open(parts[0], (parts.length == 2) ? parts[1] : "")
			.orElseThrow(() -> new Problem(HttpStatus.NOT_FOUND, "tracking-not-found", "Not found",
					"No request has this service_request_id."));
		PublicView.Entry last = view.timeline().get(view.timeline().size() - 1);
		return List.of(Map.of("service_request_id", id, "status", CLOSED.contains(view.status()) ? "closed" : "open",
				"status_notes",
				view.statusEn() + " / " + view.statusHi() + ((last.note() != null) ? ": " + last.note() : ""),
				"service_name", view.subject(), "agency_responsible",
				(view.department() != null) ? view.department().name() : "District Magistrate's office",
				"requested_datetime", view.receivedAt().toString(), "updated_datetime", last.at().toString(), "address",
				"", "zipcode", ""));
	}

}
