package org.dak.intake.complaint;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.dak.intake.IntakeProperties;
import org.dak.platform.GeoReport;
import org.dak.items.open311.Open311Services;
import org.dak.platform.Problem;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Open311 GeoReport v2, the receiving half: discovery, the service list, service
 * definitions and request submission, each as {@code .xml} (the standard's form) or
 * {@code .json}. A request becomes a web item like any other; its
 * {@code service_request_id} is the receipt number, which is no secret: the access code
 * that opens the item's tracking page goes to the applicant by SMS or e-mail only. A
 * request needs no more than the standard asks (a service and a place); the reading half
 * ({@code requests.json}, {@code requests/<id>.json}) is the tracking service's.
 */
@RestController
class Open311Controller {

	private static final String FORMAT = "{format:json|xml}";

	private static final String NO_NAME = "नाम नहीं दिया / Name not given";

	private final ComplaintIntake intake;

	private final IntakeProperties properties;

	private final Validator validator;

	Open311Controller(ComplaintIntake intake, IntakeProperties properties, Validator validator) {
		this.intake = intake;
		this.properties = properties;
		this.validator = validator;
	}

	@GetMapping("/open311/v2/discovery." + FORMAT)
	ResponseEntity<?> discovery(@PathVariable String format) {
		String base = this.properties.publicBaseUrl().replaceAll("/+$", "");
		Map<String, Object> endpoint = new LinkedHashMap<>();
		endpoint.put("specification", "http://wiki.open311.org/GeoReport_v2");
		endpoint.put("url", base + "/open311/v2");
		endpoint.put("changeset", CHANGESET);
		endpoint.put("type", "production");
		endpoint.put("formats", List.of("text/xml", "application/json"));
		Map<String, Object> discovery = new LinkedHashMap<>();
		discovery.put("changeset", CHANGESET);
		discovery.put("contact", this.properties.officeName() + " / " + this.properties.officeNameHi());
		discovery.put("key_service", "An api_key is optional; the district's administrator issues one to an app.");
		discovery.put("endpoints", List.of(endpoint));
		return "xml".equals(format) ? xml(GeoReport.xml("discovery", discovery)) : ResponseEntity.ok(discovery);
	}

	@GetMapping("/open311/v2/services." + FORMAT)
	ResponseEntity<?> services(@PathVariable String format) {
		List<Map<String, Object>> services = Open311Services.ALL.stream().map(Open311Services.Service::listed).toList();
		return "xml".equals(format) ? xml(GeoReport.xml("services", services)) : ResponseEntity.ok(services);
	}

	@GetMapping("/open311/v2/services/{code}." + FORMAT)
	ResponseEntity<?> service(@PathVariable String code, @PathVariable String format) {
		Map<String, Object> definition = Open311Services.named(code)
			.orElseThrow(() -> unknownService(code))
			.definition();
		return "xml".equals(format) ? xml(GeoReport.xml("service_definition", definition))
				: ResponseEntity.ok(definition);
	}

	/**
	 * A request, with every field of the standard: {@code service_code} and a place
	 * ({@code lat} and {@code long}, {@code address_string} or {@code address_id}) are
	 * all it needs; a name, phone or e-mail lets the office tell the applicant how it
	 * goes.
	 */
	@PostMapping("/open311/v2/requests." + FORMAT)
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
			content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
					schema = @Schema(implementation = Open311RequestForm.class)))
	ResponseEntity<?> request(@PathVariable String format,
			@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> form, Principal caller) {
		Open311Services.Service service = Open311Services.named(first(form, "service_code"))
			.orElseThrow(() -> (first(form, "service_code") == null)
					? invalid("service_code is required: one of services." + format + ".")
					: unknownService(first(form, "service_code")));
		PlaceDetails place = new PlaceDetails(number(form, "lat"), number(form, "long"), first(form, "address_string"),
				first(form, "address_id"));
		if (!place.isGiven()) {
			throw invalid("A place is required: lat and long, address_string or address_id.");
		}
		Map<String, String> answers = new LinkedHashMap<>();
		for (Open311Services.Question question : service.questions()) {
			String answer = first(form, "attribute[" + question.code() + "]");
			question.problemWith(answer).ifPresent((problem) -> {
				throw invalid(problem);
			});
			if (answer != null && !answer.isBlank()) {
				answers.put(question.code(), answer.strip());
			}
		}
		SubmitComplaint submission = new SubmitComplaint(Channel.WEB, applicant(form, place),
				service.name().substring(0, Math.min(service.name().length(), 300)),
				description(form, service, place, answers), null, null, null, service.code(), place,
				first(form, "media_url"));
		Optional<ConstraintViolation<SubmitComplaint>> violation = this.validator.validate(submission)
			.stream()
			.findFirst();
		if (violation.isPresent()) {
			throw invalid(
					parameterOf(violation.get().getPropertyPath().toString()) + " " + violation.get().getMessage());
		}
		String app = (caller != null && caller.getName().startsWith("adapter:"))
				? caller.getName().substring("adapter:".length()) : null;
		Complaint complaint = this.intake
			.submitReport(submission,
					new Open311Report(app, limited(first(form, "device_id")), limited(first(form, "account_id")),
							answers))
			.complaint();
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("service_request_id", complaint.id());
		answer.put("service_notice", "पावती संख्या / Receipt no. " + complaint.id() + " — "
				+ this.properties.officeName() + ". "
				+ ((complaint.applicant().mobile() != null || complaint.applicant().email() != null)
						? "The code to follow it comes by SMS or e-mail. / इसे देखने का कोड एसएमएस या ई-मेल से आएगा।"
						: "Follow it by its number. / इसकी स्थिति इस संख्या से देखें।"));
		answer.put("account_id", (first(form, "account_id") != null) ? first(form, "account_id") : "");
		return "xml".equals(format) ? xml(GeoReport.xml("service_requests", List.of(answer)))
				: ResponseEntity.ok(List.of(answer));
	}

	/** When this interface last changed in a way an app would notice. */
	private static final String CHANGESET = "2026-12-01T00:00:00Z";

	private static ApplicantDetails applicant(MultiValueMap<String, String> form, PlaceDetails place) {
		String name = String
			.join(" ", Optional.ofNullable(first(form, "first_name")).orElse(""),
					Optional.ofNullable(first(form, "last_name")).orElse(""))
			.strip();
		String phone = first(form, "phone");
		String mobile = (phone != null) ? phone.replaceAll("[^0-9]", "").replaceFirst("^(91|0)(?=[6-9][0-9]{9}$)", "")
				: null;
		return new ApplicantDetails(name.isEmpty() ? NO_NAME : name,
				(mobile != null && !mobile.isEmpty()) ? mobile : null, first(form, "email"), null, "hi");
	}

	private static String description(MultiValueMap<String, String> form, Open311Services.Service service,
			PlaceDetails place, Map<String, String> answers) {
		// without a description of its own, a report about a place is described by it; a
		// request for a person's own benefit never is (the description is public)
		StringBuilder text = new StringBuilder(Optional.ofNullable(first(form, "description"))
			.orElseGet(() -> service.aboutAPlace()
					? service.name() + " — "
							+ Optional.ofNullable(place.address())
								.orElseGet(() -> (place.latitude() != null)
										? place.latitude() + ", " + place.longitude() : place.addressId())
					: service.name()));
		for (Open311Services.Question question : service.questions()) {
			if (answers.containsKey(question.code())) {
				text.append("\n").append(question.answerLine(answers.get(question.code())));
			}
		}
		return text.toString();
	}

	private static String first(MultiValueMap<String, String> form, String name) {
		String value = form.getFirst(name);
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	private static Double number(MultiValueMap<String, String> form, String name) {
		String value = first(form, name);
		if (value == null) {
			return null;
		}
		try {
			double number = Double.parseDouble(value);
			if (Double.isFinite(number)) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// answered below
		}
		throw invalid(name + " must be a number in decimal degrees (WGS84).");
	}

	private static String limited(String value) {
		return (value != null && value.length() > 200) ? value.substring(0, 200) : value;
	}

	/** The standard's name of a field a rule was broken on. */
	private static String parameterOf(String path) {
		return switch (path) {
			case "place.latitude" -> "lat";
			case "place.longitude" -> "long";
			case "place.wholeCoordinates" -> "lat and long";
			case "place.address" -> "address_string";
			case "place.addressId" -> "address_id";
			case "mediaUrl" -> "media_url";
			case "applicant.name" -> "first_name and last_name";
			case "applicant.mobile" -> "phone";
			case "applicant.email" -> "email";
			default -> path;
		};
	}

	private static ResponseEntity<String> xml(String body) {
		return ResponseEntity.ok().contentType(GeoReport.XML).body(body);
	}

	private static Problem invalid(String description) {
		return new Problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", description);
	}

	private static Problem unknownService(String code) {
		return new Problem(HttpStatus.NOT_FOUND, "service-not-found", "Unknown service",
				"No service has the service_code " + code + ".");
	}

}
