package org.dak.tracking.publictrack;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dak.platform.GeoReport;
import org.dak.platform.Problem;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Open311 GeoReport v2, the reading half: {@code GET requests.{json,xml}} with the
 * standard's filters and {@code GET requests/<id>.{json,xml}}, where the ID is the
 * receipt number (an ID from before, the receipt number and access code joined by
 * {@code ~}, is still understood). Without dates a list covers the last 90 days; it
 * answers at most {@value Open311Requests#LIMIT} requests, newest first.
 */
@RestController
class Open311Controller {

	private static final String FORMAT = "{format:json|xml}";

	private static final Duration DEFAULT_SPAN = Duration.ofDays(90);

	private static final Duration LONGEST_SPAN = Duration.ofDays(366);

	private final Open311Requests requests;

	Open311Controller(Open311Requests requests) {
		this.requests = requests;
	}

	@GetMapping("/open311/v2/requests." + FORMAT)
	ResponseEntity<?> list(@PathVariable String format,
			@RequestParam(name = "service_request_id", required = false) String ids,
			@RequestParam(name = "service_code", required = false) String serviceCodes,
			@RequestParam(name = "start_date", required = false) String startDate,
			@RequestParam(name = "end_date", required = false) String endDate,
			@RequestParam(name = "status", required = false) String status) {
		if (ids != null && !ids.isBlank()) {
			// the standard: with IDs, every other parameter is ignored
			return answer(format, this.requests.named(split(ids).stream().toList()));
		}
		Instant end = (endDate != null) ? instant("end_date", endDate) : Instant.now();
		Instant start = (startDate != null) ? instant("start_date", startDate) : end.minus(DEFAULT_SPAN);
		if (start.isAfter(end)) {
			throw invalid("start_date must not be after end_date.");
		}
		if (Duration.between(start, end).compareTo(LONGEST_SPAN) > 0) {
			throw invalid("start_date and end_date may be at most 366 days apart.");
		}
		Set<String> statuses = split(status);
		if (!Set.of("open", "closed").containsAll(statuses)) {
			throw invalid("status must be open, closed, or both separated by a comma.");
		}
		Boolean open = (statuses.size() == 1) ? statuses.contains("open") : null;
		return answer(format, this.requests.between(start, end, new Open311Requests.Filter(split(serviceCodes), open)));
	}

	@GetMapping("/open311/v2/requests/{id}." + FORMAT)
	ResponseEntity<?> one(@PathVariable String id, @PathVariable String format) {
		Map<String, Object> request = this.requests.one(id.split("~", 2)[0])
			.orElseThrow(() -> new Problem(HttpStatus.NOT_FOUND, "request-not-found", "Not found",
					"No request has the service_request_id " + id.split("~", 2)[0] + "."));
		return answer(format, List.of(request));
	}

	private static ResponseEntity<?> answer(String format, List<Map<String, Object>> requests) {
		return "xml".equals(format)
				? ResponseEntity.ok().contentType(GeoReport.XML).body(GeoReport.xml("service_requests", requests))
				: ResponseEntity.ok(requests);
	}

	private static Set<String> split(String list) {
		if (list == null || list.isBlank()) {
			return Set.of();
		}
		Set<String> parts = new LinkedHashSet<>();
		Arrays.stream(list.split(",")).map(String::strip).filter((part) -> !part.isEmpty()).forEach(parts::add);
		return parts;
	}

	private static Instant instant(String name, String text) {
		try {
			// a "+" left unencoded in a query string arrives as a space
			return OffsetDateTime.parse(text.strip().replace(" ", "+")).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw invalid(name + " must be a w3 date and time with its offset, e.g. 2026-12-01T10:00:00+05:30.");
		}
	}

	private static Problem invalid(String description) {
		return new Problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", description);
	}

}
