package org.dak.intake.complaint;

import java.util.List;
import java.util.Map;

import jakarta.validation.Validator;
import org.dak.intake.IntakeProperties;
import org.dak.platform.Problem;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Open311 GeoReport v2 (JSON): {@code GET services.json} and {@code POST requests.json}.
 * A request becomes a web item like any other; its {@code service_request_id} is the
 * receipt number and the access code joined by {@code ~}, which is what reading its
 * status later takes.
 */
@RestController
class Open311Controller {

	/** The services offered (request types), with the department they usually go to. */
	static final List<Map<String, Object>> SERVICES = List.of(
			service("ration-card", "Ration card / PDS (राशन कार्ड)", "SUPPLY"),
			service("pension", "Pension (पेंशन)", "SOCIAL_WELFARE"),
			service("land-record", "Land record / mutation (भूमि अभिलेख)", "LAND_REFORMS"),
			service("electricity", "Electricity supply (बिजली)", "ELECTRICITY"),
			service("drinking-water", "Drinking water, hand pump (पेयजल)", "PHED"),
			service("road", "Roads (सड़क)", "ROAD_CONSTRUCTION"), service("other", "Other (अन्य)", "PUBLIC_GRIEVANCE"));

	private final ComplaintIntake intake;

	private final IntakeProperties properties;

	private final Validator validator;

	Open311Controller(ComplaintIntake intake, IntakeProperties properties, Validator validator) {
		this.intake = intake;
		this.properties = properties;
		this.validator = validator;
	}

	@GetMapping(path = "/open311/v2/services.json", produces = MediaType.APPLICATION_JSON_VALUE)
	List<Map<String, Object>> services() {
		return SERVICES;
	}

	@PostMapping(path = "/open311/v2/requests.json", produces = MediaType.APPLICATION_JSON_VALUE)
	List<Map<String, Object>> request(@RequestParam("service_code") String serviceCode,
			@RequestParam(name = "description", required = false) String description,
			@RequestParam(name = "first_name", required = false) String firstName,
			@RequestParam(name = "last_name", required = false) String lastName,
			@RequestParam(name = "phone", required = false) String phone,
			@RequestParam(name = "email", required = false) String email,
			@RequestParam(name = "address_string", required = false) String address) {
		Map<String, Object> service = SERVICES.stream()
			.filter((s) -> s.get("service_code").equals(serviceCode))
			.findFirst()
			.orElseThrow(() -> new Problem(HttpStatus.BAD_REQUEST, "invalid-request", "Unknown service_code",
					"service_code must be one of services.json."));
		String name = String.join(" ", (firstName != null) ? firstName : "", (lastName != null) ? lastName : "")
			.strip();
		String mobile = (phone != null) ? phone.replaceAll("[^0-9]", "").replaceFirst("^(91|0)(?=[6-9][0-9]{9}$)", "")
				: null;
		SubmitComplaint submission = new SubmitComplaint(Channel.WEB,
				new ApplicantDetails(name.isEmpty() ? null : name,
						(mobile != null && !mobile.isEmpty()) ? mobile : null, email, address, "hi"),
				(String) service.get("service_name"), description, null, null, null, serviceCode);
		this.validator.validate(submission).stream().findFirst().ifPresent((violation) -> {
			throw new Problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
					violation.getPropertyPath() + ": " + violation.getMessage());
		});
		Complaint complaint = this.intake.submit(submission, null).complaint();
		return List.of(Map.of("service_request_id", complaint.id() + "~" + complaint.accessCode(), "service_notice",
				"पावती संख्या / Receipt no. " + complaint.id() + " — " + this.properties.officeName(), "account_id",
				""));
	}

	private static Map<String, Object> service(String code, String name, String group) {
		return Map.of("service_code", code, "service_name", name, "description", name, "metadata", false, "type",
				"realtime", "keywords", "", "group", group);
	}

}
