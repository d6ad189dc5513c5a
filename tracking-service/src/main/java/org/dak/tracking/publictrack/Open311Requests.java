package org.dak.tracking.publictrack;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.dak.contracts.Place;
import org.dak.items.open311.Open311Services;
import org.dak.items.identity.ReceiptNumbers;
import org.dak.contracts.ItemStatus;
import org.dak.contracts.OfficeTime;
import org.dak.tracking.timeline.Cases;
import org.dak.tracking.complaintcase.ComplaintCase;

import org.springframework.stereotype.Component;

/**
 * Items as the Open311 standard shows requests to anyone: status, service, department and
 * dates of every item, and in addition the description, place and photo link of reports
 * made through Open311 (public by that standard). Never a name, a contact, an item's own
 * subject or an internal note.
 * <p>
 * A list walks the receipt numbers of its date range newest first, reading cases by ID in
 * small batches, and stops at {@link #LIMIT} requests or after {@link #MOST_READ} items
 * looked at; an app pages on with an earlier {@code end_date}.
 */
@Component
class Open311Requests {

	/** The most requests one list answers with. */
	static final int LIMIT = 200;

	/** The most items one list looks at. */
	static final int MOST_READ = 2000;

	private static final int BATCH = 100;

	private final Cases cases;

	private final ReceivedDays days;

	Open311Requests(Cases cases, ReceivedDays days) {
		this.cases = cases;
		this.days = days;
	}

	/**
	 * What a list asks for besides the dates.
	 *
	 * @param serviceCodes only these services, or all if empty
	 * @param open only open ({@code true}) or closed ({@code false}) ones, or both if
	 * {@code null}
	 */
	record Filter(Set<String> serviceCodes, Boolean open) {

		boolean accepts(ComplaintCase c) {
			return (this.serviceCodes.isEmpty() || this.serviceCodes.contains(serviceCode(c)))
					&& (this.open == null || this.open == isOpen(c));
		}

	}

	/** One request by its receipt number. */
	java.util.Optional<Map<String, Object>> one(String receiptNumber) {
		if (!ReceiptNumbers.isValid(receiptNumber)) {
			return java.util.Optional.empty();
		}
		return this.cases.find(ReceiptNumbers.normalise(receiptNumber))
			.filter((c) -> c.receivedAt() != null && c.status() != null)
			.map(Open311Requests::shown);
	}

	/**
	 * The requests with these receipt numbers (the standard's
	 * {@code service_request_id}).
	 */
	List<Map<String, Object>> named(List<String> receiptNumbers) {
		List<String> ids = receiptNumbers.stream()
			.filter(ReceiptNumbers::isValid)
			.map(ReceiptNumbers::normalise)
			.distinct()
			.limit(LIMIT)
			.toList();
		return this.cases.findAll(ids)
			.stream()
			.filter((c) -> c.receivedAt() != null && c.status() != null)
			.sorted(Comparator.comparing(ComplaintCase::receivedAt).reversed())
			.map(Open311Requests::shown)
			.toList();
	}

	/** The requests received from {@code start} to {@code end}, newest first. */
	List<Map<String, Object>> between(Instant start, Instant end, Filter filter) {
		LocalDate first = start.atZone(OfficeTime.ZONE).toLocalDate();
		List<LocalDate> dates = new ArrayList<>();
		for (LocalDate day = end.atZone(OfficeTime.ZONE).toLocalDate(); !day.isBefore(first); day = day.minusDays(1)) {
			dates.add(day);
		}
		Map<LocalDate, List<ReceivedDays.ReceivedDay>> received = new LinkedHashMap<>();
		for (String district : this.days.districts()) {
			for (ReceivedDays.ReceivedDay day : this.days.of(district, dates)) {
				received.computeIfAbsent(day.date(), (d) -> new ArrayList<>()).add(day);
			}
		}
		Predicate<ComplaintCase> wanted = (c) -> c.receivedAt() != null && c.status() != null
				&& !c.receivedAt().isBefore(start) && !c.receivedAt().isAfter(end) && filter.accepts(c);
		List<Map<String, Object>> found = new ArrayList<>();
		int read = 0;
		for (LocalDate date : dates) {
			for (ReceivedDays.ReceivedDay day : received.getOrDefault(date, List.of())) {
				String district = day.districtCode();
				int year = day.date().getYear();
				for (long high = day.last(); high >= day.first(); high -= BATCH) {
					List<String> ids = new ArrayList<>();
					for (long serial = high; serial > high - BATCH && serial >= day.first(); serial--) {
						ids.add(ReceiptNumbers.format(district, year, serial));
					}
					read += ids.size();
					this.cases.findAll(ids)
						.stream()
						.filter(wanted)
						.sorted(Comparator.comparing(ComplaintCase::receivedAt).reversed())
						.map(Open311Requests::shown)
						.forEach(found::add);
					if (found.size() >= LIMIT || read >= MOST_READ) {
						return found.subList(0, Math.min(found.size(), LIMIT));
					}
				}
			}
		}
		return found;
	}

	private static boolean isOpen(ComplaintCase c) {
		return c.status() == null || c.status().isOpen();
	}

	private static String serviceCode(ComplaintCase c) {
		return Open311Services.named(c.category()).map(Open311Services.Service::code).orElse("other");
	}

	/** A case as the standard shows a request; what is not public is left empty. */
	private static Map<String, Object> shown(ComplaintCase c) {
		PublicView view = PublicView.of(c);
		PublicView.Entry last = view.timeline().isEmpty() ? null : view.timeline().get(view.timeline().size() - 1);
		boolean report = c.isPublicReport();
		Optional<Open311Services.Service> service = Open311Services.named(serviceCode(c));
		// the exact place only of a report about a place, never of a person's own request
		Place place = (report && service.map(Open311Services.Service::aboutAPlace).orElse(false)) ? c.place() : null;
		String notes = view.statusEn() + " / " + view.statusHi()
				+ ((report && last != null && last.note() != null) ? ": " + last.note() : "");
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("service_request_id", c.id());
		request.put("status", isOpen(c) ? "open" : "closed");
		request.put("status_notes", notes);
		request.put("service_name",
				Open311Services.named(serviceCode(c)).map(Open311Services.Service::name).orElse(""));
		request.put("service_code", serviceCode(c));
		// answers the service keeps for staff (a ration-card number) are left out, also
		// of
		// items stored before the service said so
		request.put("description",
				c.publicDescription()
					.map((description) -> service.map((s) -> s.publicDescription(description)).orElse(description))
					.orElse(""));
		request.put("agency_responsible",
				(c.departmentName() != null) ? c.departmentName() : "District Magistrate's office");
		request.put("service_notice", "");
		request.put("requested_datetime", c.receivedAt().toString());
		request.put("updated_datetime", ((last != null) ? last.at() : c.receivedAt()).toString());
		request.put("expected_datetime", (c.dueDate() != null && isOpen(c))
				? c.dueDate().atTime(17, 0).atZone(OfficeTime.ZONE).toInstant().toString() : "");
		request.put("address", (place != null && place.address() != null) ? place.address() : "");
		request.put("address_id", (place != null && place.addressId() != null) ? place.addressId() : "");
		request.put("zipcode", "");
		request.put("lat", (place != null) ? place.latitude() : null);
		request.put("long", (place != null) ? place.longitude() : null);
		request.put("media_url", (report && c.mediaUrl() != null) ? c.mediaUrl() : "");
		return request;
	}

}
