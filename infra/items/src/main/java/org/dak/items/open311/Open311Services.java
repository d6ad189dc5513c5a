package org.dak.items.open311;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The services (request types) the office offers through Open311, with the department
 * they usually go to and the questions some of them ask (the standard's service
 * definitions). The receiving side lists them; the reading side names an item's service
 * by them, never by the item's own subject.
 */
public final class Open311Services {

	/**
	 * A question a service asks.
	 *
	 * @param code the {@code attribute[code]} a request answers it with
	 * @param datatype the standard's type: {@code string}, {@code text} or
	 * {@code singlevaluelist}
	 * @param required whether a request must answer it
	 * @param description the question, in Hindi and English
	 * @param values the allowed answers of a list, key to name
	 * @param shownPublicly whether the answer may be shown with the request in the public
	 * Open311 lists; an answer that is not (a ration-card number, a pension scheme that
	 * tells of widowhood or disability) is kept with the item for staff only
	 */
	public record Question(String code, String datatype, boolean required, String description,
			Map<String, String> values, boolean shownPublicly) {

		/**
		 * The line an answer adds to the item's description, for staff to read.
		 * @param answer the answer's key
		 * @return e.g. {@code कौन सी पेंशन / Which pension: विधवा पेंशन / Widow pension}
		 */
		public String answerLine(String answer) {
			return this.description + ": " + this.values.getOrDefault(answer, answer);
		}

		/** What is wrong with an answer, or nothing. */
		public Optional<String> problemWith(String answer) {
			if (answer == null || answer.isBlank()) {
				return this.required ? Optional.of("attribute[" + this.code + "] is required: " + this.description)
						: Optional.empty();
			}
			if (!this.values.isEmpty() && !this.values.containsKey(answer.strip())) {
				return Optional
					.of("attribute[" + this.code + "] must be one of " + String.join(", ", this.values.keySet()));
			}
			return (answer.length() > 500) ? Optional.of("attribute[" + this.code + "] is longer than 500 characters")
					: Optional.empty();
		}

	}

	/**
	 * A service.
	 *
	 * @param code the {@code service_code}
	 * @param name its name in Hindi and English
	 * @param group the department it usually goes to
	 * @param keywords words an app may search by
	 * @param questions what it asks besides the description
	 * @param aboutAPlace whether its requests report a place (a broken hand pump, a
	 * road): only those show their exact place in the public lists, never a request for a
	 * person's own benefit, whose place is where the person lives
	 */
	public record Service(String code, String name, String group, String keywords, List<Question> questions,
			boolean aboutAPlace) {

		/**
		 * A request's description as the public Open311 lists may show it: without the
		 * lines of answers this service keeps for staff.
		 * @param description the item's description, answers included
		 * @return the description without private answers
		 */
		public String publicDescription(String description) {
			StringBuilder shown = new StringBuilder();
			for (String line : description.split("\n", -1)) {
				boolean privateAnswer = this.questions.stream()
					.anyMatch(
							(question) -> !question.shownPublicly() && line.startsWith(question.description() + ": "));
				if (!privateAnswer) {
					shown.append((shown.length() > 0) ? "\n" : "").append(line);
				}
			}
			return shown.toString();
		}

		public Map<String, Object> listed() {
			Map<String, Object> fields = new LinkedHashMap<>();
			fields.put("service_code", this.code);
			fields.put("service_name", this.name);
			fields.put("description", this.name);
			fields.put("metadata", !this.questions.isEmpty());
			fields.put("type", "realtime");
			fields.put("keywords", this.keywords);
			fields.put("group", this.group);
			return fields;
		}

		public Map<String, Object> definition() {
			List<Map<String, Object>> attributes = new java.util.ArrayList<>();
			for (int i = 0; i < this.questions.size(); i++) {
				Question question = this.questions.get(i);
				Map<String, Object> attribute = new LinkedHashMap<>();
				attribute.put("variable", true);
				attribute.put("code", question.code());
				attribute.put("datatype", question.datatype());
				attribute.put("required", question.required());
				attribute.put("datatype_description", question.values().isEmpty() ? "" : "One of the listed values");
				attribute.put("order", i + 1);
				attribute.put("description", question.description());
				attribute.put("values",
						question.values()
							.entrySet()
							.stream()
							.map((v) -> orderedMap("key", v.getKey(), "name", v.getValue()))
							.toList());
				attributes.add(attribute);
			}
			Map<String, Object> definition = new LinkedHashMap<>();
			definition.put("service_code", this.code);
			definition.put("attributes", attributes);
			return definition;
		}

	}

	public static final List<Service> ALL = List.of(
			new Service("ration-card", "Ration card / PDS (राशन कार्ड)", "SUPPLY", "ration,PDS,राशन",
					List.of(new Question("ration_card_number", "string", false,
							"राशन कार्ड संख्या, यदि हो / Ration card number, if any", Map.of(), false)),
					false),
			new Service("pension", "Pension (पेंशन)", "SOCIAL_WELFARE", "pension,पेंशन",
					List.of(new Question("scheme", "singlevaluelist", true, "कौन सी पेंशन / Which pension",
							orderedMap("old-age", "वृद्धावस्था पेंशन / Old-age pension", "widow",
									"विधवा पेंशन / Widow pension", "disability", "दिव्यांग पेंशन / Disability pension"),
							false)),
					false),
			new Service("land-record", "Land record / mutation (भूमि अभिलेख)", "LAND_REFORMS",
					"land,mutation,दाखिल-खारिज", List.of(), false),
			new Service("electricity", "Electricity supply (बिजली)", "ELECTRICITY", "electricity,power,बिजली",
					List.of(), true),
			new Service("drinking-water", "Drinking water, hand pump (पेयजल)", "PHED", "water,hand pump,हैंडपंप",
					List.of(), true),
			new Service("road", "Roads (सड़क)", "ROAD_CONSTRUCTION", "road,pothole,सड़क", List.of(), true),
			new Service("other", "Other (अन्य)", "PUBLIC_GRIEVANCE", "", List.of(), false));

	private Open311Services() {
	}

	public static Optional<Service> named(String code) {
		return ALL.stream().filter((service) -> service.code().equals(code)).findFirst();
	}

	private static Map<String, String> orderedMap(String... keysAndNames) {
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndNames.length; i += 2) {
			map.put(keysAndNames[i], keysAndNames[i + 1]);
		}
		return java.util.Collections.unmodifiableMap(map);
	}

}
