package org.dak.systemtest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Hostile input at every write endpoint, through the gateway as an attacker would send
 * it: wrong types, missing and unknown fields, huge and empty values, deep nesting,
 * invalid UTF-8 and lone surrogates, control characters, NoSQL operators in values and
 * keys, script tags, header injection, wrong and missing content types, truncated
 * multipart, files whose content does not match their name. Every answer must be below
 * 500, come within the client's time-out, and every refusal must be a problem document; a
 * refused submission stores nothing, and no page echoes markup unescaped. The counts per
 * endpoint are printed and written to {@code target/reliability/hostile.md}.
 */
class HostileInputIT {

	static final String SCRIPT = "<script>alert('dak')</script>";

	static final String MARKUP = "<img src=x onerror=alert('dak')>";

	static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * The server closed the connection instead of answering (a body too large to read).
	 */
	static final int CLOSED = 1;

	/** Values put into each field in turn. */
	static final List<Object> VALUES = List.of(12345, -1, 3.5, true, Long.MAX_VALUE, new java.math.BigDecimal("1e400"),
			List.of(), Map.of(), "", " ", "x".repeat(100_000), "9".repeat(400), SCRIPT,
			"\"><img src=x onerror=alert(1)>", "javascript:alert(1)", Map.of("$gt", ""),
			Map.of("$where", "sleep(5000) || true"), List.of(Map.of("$ne", 1)), "{\"$ne\": null}",
			"\u0000\u0007\u001b[31m", "'; db.dropDatabase(); //", "line\r\nX-Injected: yes", "ऽ॥\u200d\ufeff",
			"\u202etxt.exe", "😀".repeat(500), "../../../../etc/passwd", "${jndi:ldap://127.0.0.1/x}", "{{7*7}}",
			"%00%0d%0a", "\\", "NaN", "2026-02-30", "null");

	static RunningSystem system;

	static String url;

	static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	static final Map<String, String> tokens = new LinkedHashMap<>();

	static String receiptNumber;

	static String accessCode;

	static final Map<String, int[]> tally = new TreeMap<>();

	static final List<String> failures = new ArrayList<>();

	/** Rows of the imported registers: all, accepted, duplicates, refused. */
	static final Map<String, Integer> registerRows = new TreeMap<>();

	@BeforeAll
	static void theSystemItsPeopleAndAnItem() {
		system = RunningSystem.shared();
		url = system.gatewayUrl();
		Gateway gateway = new Gateway(system);
		tokens.put("DM", "Bearer " + gateway.account("hostile.dm", "DM", Map.of()));
		tokens.put("DESK", "Bearer " + gateway.account("hostile.desk", "RECEIPT_DESK", Map.of()));
		tokens.put("OFFICER",
				"Bearer " + gateway.account("hostile.supply", "DEPARTMENT_OFFICER", Map.of("department", "SUPPLY")));
		tokens.put("ADMIN", "Bearer " + gateway.admin());
		tokens.put("FAX", gateway.adapterKey("hostile fax", "FAX").get("key").asString());
		tokens.put("SOCIAL", gateway.adapterKey("hostile social", "SOCIAL_MEDIA").get("key").asString());
		gateway.account("hostile.target", "RECEIPT_DESK", Map.of());
		JsonNode receipt = gateway.submitted(Map.of("name", "Hostile Test", "mobile", "9123400000"),
				"शत्रुतापूर्ण इनपुट", "परीक्षण");
		receiptNumber = receipt.get("receiptNumber").asString();
		accessCode = receipt.get("accessCode").asString();
		Gateway.markWhenInInbox(gateway.as(tokens.get("DM").substring(7)), receiptNumber, "SUPPLY");
	}

	@Test
	void everyWriteEndpointAnswersHostileInputWithAProblemNeverAFailureAndStoresNothing() {
		int inboxBefore = inboxTotal();
		// the items the accepted requests made (a repeated channel message ID is one
		// item)
		java.util.Set<String> made = new java.util.HashSet<>();
		for (Target target : targets()) {
			for (Variant variant : jsonVariants(target.body())) {
				made.addAll(itemsMade(target, check(target, variant, send(target, variant))));
			}
		}
		for (Target target : multipartTargets()) {
			for (Variant variant : multipartVariants(target)) {
				made.addAll(itemsMade(target, check(target, variant, send(target, variant))));
			}
		}
		Target imports = new Target("POST", "/api/v1/imports", "DESK", Map.of("json", "", "file", "file", "valid", ""));
		for (Variant variant : registerVariants()) {
			made.addAll(itemsImported(variant, check(imports, variant, send(imports, variant))));
		}
		Target open311 = new Target("POST", "/open311/v2/requests.json", null, Map.of());
		for (Variant variant : formVariants()) {
			made.addAll(itemsMade(open311, check(open311, variant, send(open311, variant))));
		}
		pagesEchoNothingUnescaped();

		write();
		assertThat(failures).as("answers that broke the rules").isEmpty();
		// what was refused stored nothing: the inbox grows by the items accepted only
		int expected = inboxBefore + made.size();
		await().atMost(Duration.ofSeconds(60)).until(() -> inboxTotal() >= expected);
		await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> inboxTotal() == expected);
		assertThat(tally).allSatisfy((endpoint, counts) -> assertThat(counts[0]).as(endpoint)
			.isGreaterThan(endpoint.startsWith("GET") ? 0 : 30));
	}

	/**
	 * What was found from outside (issue 34), tried again against the whole system: an
	 * Open311 client's empty key, a private answer in the public list, a webhook into the
	 * cloud's metadata service, the DM reading an access code, a large body where no
	 * uploads are taken.
	 */
	@Test
	void theHolesFoundFromOutsideStayClosed() throws Exception {
		String card = "7" + System.nanoTime() % 10_000_000_000_000L;
		HttpResponse<String> three = client.send(HttpRequest.newBuilder(URI.create(url + "/open311/v2/requests.json"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("User-Agent", "python-requests/2.31.0")
			.POST(HttpRequest.BodyPublishers.ofString("description=Ration+not+given&service_code=ration-card"
					+ "&address_string=Ward+4&attribute%5Bration_card_number%5D=" + card + "&api_key="))
			.build(), HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> metadata = client
			.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/webhooks/subscribers"))
				.header("Authorization", tokens.get("ADMIN"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers
					.ofString("{\"name\":\"x\",\"url\":\"http://169.254.169.254/latest/meta-data/\","
							+ "\"eventTypes\":[\"org.dak.complaint.status-updated\"]}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> dmReadsTheCode = client
			.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/complaints/" + receiptNumber + "/receipt"))
				.header("Authorization", tokens.get("DM"))
				.build(), HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> largeForm = client
			.send(HttpRequest.newBuilder(URI.create(url + "/open311/v2/requests.json"))
				.header("Content-Type", "multipart/form-data; boundary=b")
				.POST(HttpRequest.BodyPublishers
					.ofString("--b\r\nContent-Disposition: form-data; name=\"description\"\r\n\r\n"
							+ "x".repeat(2_000_000) + "\r\n--b--\r\n"))
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(three.statusCode()).as(three.body()).isEqualTo(200);
		String number = three.body().replaceAll("(?s).*\"service_request_id\":\"([^\"]+)\".*", "$1");
		// public reads have a limit per address: this test reads from an address of its
		// own
		String reader = "10.34.0." + (1 + System.nanoTime() % 250);
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> client
				.send(HttpRequest.newBuilder(URI.create(url + "/open311/v2/requests/" + number + ".json"))
					.header("X-Forwarded-For", reader)
					.build(), HttpResponse.BodyHandlers.ofString())
				.statusCode() == 200);
		String listed = client
			.send(HttpRequest.newBuilder(URI.create(url + "/open311/v2/requests.json?service_code=ration-card"))
				.header("X-Forwarded-For", reader)
				.build(), HttpResponse.BodyHandlers.ofString())
			.body();
		assertThat(listed).contains(number).doesNotContain(card);
		assertThat(metadata.statusCode()).isEqualTo(400);
		assertThat(metadata.body()).contains("/problems/webhook-target");
		assertThat(dmReadsTheCode.statusCode()).isEqualTo(403);
		assertThat(largeForm.statusCode()).isEqualTo(413);
	}

	/** The receipt numbers an accepted submission answered with. */
	static List<String> itemsMade(Target target, Answer answer) {
		boolean submission = target.path().equals("/api/v1/complaints") || target.path().startsWith("/api/v1/channels/")
				|| target.path().startsWith("/open311/");
		if (!submission || answer.status() / 100 != 2) {
			return List.of();
		}
		java.util.regex.Matcher receipt = java.util.regex.Pattern.compile("NAL-\\d{4}-\\d{6}-[0-9A-Z]")
			.matcher(answer.body());
		return receipt.find() ? List.of(receipt.group()) : List.of();
	}

	/** The columns of a dak register, in the order the rows below give them. */
	static final List<String> REGISTER_COLUMNS = List.of("register_no", "received_on", "sender_name", "sender_address",
			"sender_mobile", "letter_reference", "letter_date", "subject", "description");

	/**
	 * Dak registers to import: one with every hostile value in every column, one with
	 * rows broken in every way a spreadsheet or a hand can break them, and whole files
	 * that are not what they claim.
	 */
	static List<Variant> registerVariants() {
		String header = String.join(",", REGISTER_COLUMNS) + "\r\n";
		String run = java.util.UUID.randomUUID().toString().substring(0, 8);
		java.util.concurrent.atomic.AtomicInteger serial = new java.util.concurrent.atomic.AtomicInteger();
		java.util.function.Function<Map<String, String>, String> row = (changed) -> {
			List<String> fields = new ArrayList<>();
			for (String column : REGISTER_COLUMNS) {
				String value = changed.getOrDefault(column, switch (column) {
					case "register_no" -> "H-" + run + "-" + serial.incrementAndGet();
					case "received_on", "letter_date" -> "2026-11-20";
					case "sender_name" -> "रामेश्वर प्रसाद";
					case "sender_mobile" -> "9123400001";
					case "subject" -> "पंजी आयात परीक्षण";
					default -> "";
				});
				fields.add("\"" + value.replace("\"", "\"\"") + "\"");
			}
			return String.join(",", fields) + "\r\n";
		};
		StringBuilder everyValue = new StringBuilder(header).append(row.apply(Map.of()));
		for (String column : REGISTER_COLUMNS) {
			for (Object value : VALUES) {
				String text = (value instanceof String string) ? string : write(value);
				everyValue.append(row.apply(Map.of(column, text)));
			}
		}
		StringBuilder broken = new StringBuilder(header);
		broken.append(row.apply(Map.of())).append("\"H-" + run + "-open,2026-11-20,a quote that never closes\r\n");
		broken.append("H-").append(run).append("-few,2026-11-20\r\n");
		broken.append("H-").append(run).append("-many,2026-11-20,").append("x,".repeat(500)).append("\r\n");
		broken.append(",,,,,,,,\r\n\r\n\r\n");
		for (String formula : List.of("=HYPERLINK(\"http://x.example\",\"click\")", "+cmd|' /C calc'!A0", "-2+3",
				"@SUM(A1:A9)", "\t=1+1")) {
			broken.append(row.apply(Map.of("subject", formula, "sender_name", formula)));
		}
		broken.append(row.apply(Map.of("description", "पहली पंक्ति\nदूसरी पंक्ति\r\n\"उद्धरण\"")));
		broken.append(row.apply(Map.of("subject", "\u0000 NUL and \u001b escape")));
		broken.append(row.apply(Map.of("description", "y".repeat(1_000_000))));
		broken.append(row.apply(Map.of("received_on", "2026-11-20T10:00:00Z")));
		broken.append(row.apply(Map.of("received_on", "20/11/2026")));
		List<Variant> variants = new ArrayList<>();
		variants.add(register("every hostile value in every column", bytes(everyValue.toString())));
		variants.add(register("broken rows", bytes(broken.toString())));
		variants.add(register("a byte-order mark and upper-case headers",
				concat(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF },
						bytes(header.toUpperCase(java.util.Locale.ROOT).replace(",", " , ")),
						bytes(row.apply(Map.of())))));
		variants.add(register("a column named twice", bytes("register_no," + header + "1," + row.apply(Map.of()))));
		variants.add(register("the header only", bytes(header)));
		variants.add(register("an empty file", new byte[0]));
		variants.add(register("columns missing", bytes("register_no,subject\r\n1,x\r\n")));
		variants
			.add(register("semicolons for commas", bytes(header.replace(',', ';') + "1;2026-11-20;a;b;;;;c;d\r\n")));
		variants
			.add(register("invalid UTF-8 in a row", concat(bytes(header), bytes(row.apply(Map.of()).substring(0, 20)),
					new byte[] { (byte) 0xC3, 0x28, (byte) 0xFF, '\r', '\n' })));
		variants.add(register("UTF-16", header.getBytes(StandardCharsets.UTF_16LE)));
		variants.add(register("2,000 blank rows", bytes(header + ",,,,,,,,\r\n".repeat(2000))));
		return variants;
	}

	static Variant register(String name, byte[] csv) {
		return Variant.multipart("register: " + name, null, "register.csv", "text/csv", csv, true);
	}

	/**
	 * The receipt numbers an accepted import made, once it has finished; an import that
	 * does not finish, or a row without an outcome, breaks the rules.
	 */
	static List<String> itemsImported(Variant variant, Answer answer) {
		if (answer.status() != 202) {
			return List.of();
		}
		RestClient desk = RestClient.builder()
			.baseUrl(url)
			.defaultHeader("Authorization", tokens.get("DESK"))
			.defaultHeader("X-Forwarded-For", "10.66.251.1")
			.build();
		String location = "/api/v1/imports/" + JSON.readTree(answer.body()).get("id").asString();
		JsonNode job = await().atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> desk.get().uri(location).retrieve().body(JsonNode.class),
					(progress) -> !"RUNNING".equals(progress.get("status").asString()));
		String what = "POST /api/v1/imports with " + variant.name();
		if (!"DONE".equals(job.get("status").asString()) || job.get("processed").asInt() != job.get("total").asInt()) {
			failures.add(what + ": ended " + job.get("status").asString() + " after " + job.get("processed").asInt()
					+ " of " + job.get("total").asInt() + " rows");
		}
		List<String> made = new ArrayList<>();
		for (JsonNode result : job.get("rows")) {
			String outcome = result.get("outcome").asString();
			registerRows.merge(outcome, 1, Integer::sum);
			if (outcome.equals("ACCEPTED")) {
				made.add(result.get("receiptNumber").asString());
			}
			else if (!outcome.equals("DUPLICATE")
					&& !(outcome.equals("INVALID") && !result.path("reason").asString().isBlank())) {
				failures.add(what + ": line " + result.get("line").asInt() + " " + outcome + " without a reason");
			}
		}
		return made;
	}

	/** Every write endpoint with a valid body and who may call it. */
	static List<Target> targets() {
		String id = receiptNumber;
		List<Target> targets = new ArrayList<>();
		targets.add(new Target("POST", "/api/v1/auth/login", null,
				Map.of("username", "hostile.target", "password", "wrong-password-x")));
		targets.add(new Target("POST", "/api/v1/auth/refresh", null, Map.of("refreshToken", "not-a-token")));
		targets.add(new Target("POST", "/api/v1/auth/password", "DESK",
				Map.of("currentPassword", "wrong-password-x", "newPassword", "a-long-new-password")));
		targets.add(new Target("POST", "/api/v1/admin/users", "ADMIN", Map.of("username", "hostile.new", "password",
				"a-long-enough-password", "roles", List.of("RECEIPT_DESK"))));
		targets.add(new Target("PUT", "/api/v1/admin/users/hostile.target", "ADMIN",
				Map.of("roles", List.of("RECEIPT_DESK"), "enabled", true)));
		targets.add(new Target("POST", "/api/v1/admin/users/hostile.target/password", "ADMIN",
				Map.of("newPassword", "hostile-target-password")));
		targets.add(new Target("POST", "/api/v1/admin/adapter-keys", "ADMIN",
				Map.of("name", "hostile key", "channel", "EMAIL")));
		targets.add(new Target("POST", "/api/v1/complaints", null,
				Map.of("channel", "WEB", "applicant", Map.of("name", "Ram", "mobile", "9123456789"), "subject", "हमला",
						"description", "परीक्षण", "category", "road")));
		targets.add(new Target("POST", "/api/v1/channels/social", "SOCIAL",
				Map.of("platform", "x", "handle", "h", "postId", "hostile-1", "postUrl", "https://x.example/s/1",
						"text", "बिजली नहीं", "postedAt", "2026-11-28T04:10:00Z")));
		targets.add(new Target("POST", "/api/v1/inbox/marking", "DM",
				Map.of("complaintIds", List.of(id), "departmentCode", "SUPPLY", "instructions", "जाँच")));
		targets.add(new Target("POST", "/api/v1/inbox/" + id + "/marking", "DM",
				Map.of("departmentCode", "POLICE", "instructions", "जाँच", "dueDate", "2027-01-31")));
		targets.add(new Target("POST", "/api/v1/inbox/" + id + "/re-marking", "DM",
				Map.of("departmentCode", "SUPPLY", "copyTo", List.of("POLICE"))));
		targets.add(new Target("POST", "/api/v1/inbox/" + id + "/recall", "DM", Map.of("reason", "परीक्षण")));
		targets.add(new Target("POST", "/api/v1/departments", "DM", Map.of("code", "HOSTILE", "name", "Hostile",
				"nameHi", "शत्रु", "officer", Map.of("name", "Officer", "email", "o@dak.local"))));
		targets.add(new Target("PUT", "/api/v1/departments/LABOUR", "DM", Map.of("name", "Labour Resources", "nameHi",
				"श्रम संसाधन", "officer", Map.of("name", "Labour Superintendent"))));
		targets.add(new Target("PUT", "/api/v1/departments/SUPPLY/offices/HOSTILE_OFFICE", "DM",
				Map.of("name", "Office", "nameHi", "कार्यालय", "officer", Map.of("name", "BSO"))));
		targets.add(new Target("POST", "/api/v1/cases/" + id + "/status", "OFFICER",
				Map.of("status", "IN_PROGRESS", "note", "जाँच")));
		targets.add(new Target("POST", "/api/v1/cases/" + id + "/steps", "OFFICER",
				Map.of("step", "INTERIM_REPLY", "note", "जाँच जारी", "officeCode", "BLOCK_RAJGIR")));
		targets.add(new Target("POST", "/api/v1/public/track/" + id + "/feedback?code=" + accessCode, null,
				Map.of("satisfied", false, "reason", "नहीं")));
		targets
			.add(new Target("POST", "/api/v1/public/track/" + id + "/one-time-code", null, Map.of("channel", "SMS")));
		targets.add(new Target("POST", "/api/v1/notifications/delivery-receipts", "CALLBACK",
				Map.of("reference", "hostile", "status", "DELIVERED", "reason", "ok")));
		targets.add(new Target("PUT", "/api/v1/public/notifications/" + id + "/preferences?code=" + accessCode, null,
				Map.of("sms", true, "email", true)));
		return targets;
	}

	/** The multipart endpoints, each with the name of its JSON part and its file part. */
	static List<Target> multipartTargets() {
		return List.of(
				new Target("POST", "/api/v1/complaints", "DESK",
						Map.of("json", "complaint", "file", "files", "valid",
								write(Map.of("channel", "POST", "applicant", Map.of("name", "Ram"), "subject", "हमला",
										"description", "परीक्षण")))),
				new Target("POST", "/api/v1/channels/fax", "FAX",
						Map.of("json", "fax", "file", "pages", "valid",
								write(Map.of("faxId", "hostile-fax", "senderNumber", "0612 2200456", "receivedAt",
										"2026-11-28T05:00:00Z")))),
				new Target("POST", "/api/v1/imports", "DESK", Map.of("json", "", "file", "file", "valid", "")),
				new Target("POST", "/api/v1/cases/scan", "DM", Map.of("json", "", "file", "image", "valid", "")),
				new Target("POST", "/api/v1/cases/" + receiptNumber + "/steps", "OFFICER", Map.of("json", "step",
						"file", "evidence", "valid", write(Map.of("step", "ACTION_TAKEN", "note", "जाँच की गई")))));
	}

	/** The valid body, then every field with every hostile value, then hostile bodies. */
	static List<Variant> jsonVariants(Map<String, Object> valid) {
		List<Variant> variants = new ArrayList<>();
		variants.add(Variant.json("valid", valid));
		for (String field : valid.keySet()) {
			if (valid.get(field) instanceof Map<?, ?> nested) {
				// the fields inside an object, one level down
				for (Variant inner : jsonVariants(castMap(nested))) {
					if (inner.multipart() == null && MediaType.APPLICATION_JSON_VALUE.equals(inner.contentType())
							&& !inner.name().contains(" deep") && !inner.name().contains("2 MB")) {
						variants.add(Variant.raw(field + "." + inner.name(), inner.contentType(), bytes(
								withField(write(valid), field, new String(inner.raw(), StandardCharsets.UTF_8)))));
					}
				}
			}
			Map<String, Object> without = new LinkedHashMap<>(valid);
			without.remove(field);
			variants.add(Variant.json("without " + field, without));
			for (Object value : VALUES) {
				Map<String, Object> changed = new LinkedHashMap<>(valid);
				changed.put(field, value);
				variants.add(Variant.json(field + " = " + describe(value), changed));
			}
			String raw = write(valid);
			variants.add(Variant.raw(field + " = lone surrogate", MediaType.APPLICATION_JSON_VALUE,
					withField(raw, field, "\"\\ud800 \\udfff\"").getBytes(StandardCharsets.UTF_8)));
			variants.add(Variant.raw(field + " = invalid UTF-8", MediaType.APPLICATION_JSON_VALUE,
					concat(withField(raw, field, "\"").getBytes(StandardCharsets.UTF_8),
							new byte[] { (byte) 0xC3, 0x28, (byte) 0xFF }, "\"}".getBytes(StandardCharsets.UTF_8))));
		}
		Map<String, Object> unknown = new LinkedHashMap<>(valid);
		unknown.put("isAdmin", true);
		variants.add(Variant.json("an unknown field", unknown));
		Map<String, Object> operatorKey = new LinkedHashMap<>(valid);
		operatorKey.put("$where", "function() { return true; }");
		variants.add(Variant.json("an operator as a key", operatorKey));
		variants.add(Variant.json("an operator as the body", Map.of("$set", valid)));
		String body = write(valid);
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		variants.add(Variant.raw("empty body", MediaType.APPLICATION_JSON_VALUE, new byte[0]));
		variants.add(Variant.raw("null", MediaType.APPLICATION_JSON_VALUE, bytes("null")));
		variants.add(Variant.raw("an array", MediaType.APPLICATION_JSON_VALUE, bytes("[" + body + "]")));
		variants.add(Variant.raw("a string", MediaType.APPLICATION_JSON_VALUE, bytes("\"" + SCRIPT + "\"")));
		variants.add(Variant.raw("truncated", MediaType.APPLICATION_JSON_VALUE,
				java.util.Arrays.copyOf(bytes, bytes.length / 2)));
		variants.add(Variant.raw("nested 5000 deep", MediaType.APPLICATION_JSON_VALUE,
				bytes("[".repeat(5000) + "]".repeat(5000))));
		variants.add(Variant.raw("objects nested 2000 deep", MediaType.APPLICATION_JSON_VALUE,
				bytes("{\"a\":".repeat(2000) + "1" + "}".repeat(2000))));
		variants.add(Variant.raw("a byte-order mark first", MediaType.APPLICATION_JSON_VALUE,
				concat(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }, bytes, new byte[0])));
		variants.add(Variant.raw("2 MB of JSON", MediaType.APPLICATION_JSON_VALUE,
				bytes("{\"filler\":\"" + "x".repeat(2_000_000) + "\"}")));
		variants.add(Variant.raw("duplicate keys", MediaType.APPLICATION_JSON_VALUE,
				bytes(body.substring(0, body.length() - 1) + (valid.isEmpty() ? "" : ",") + "\""
						+ valid.keySet().stream().findFirst().orElse("x") + "\": {\"$gt\": \"\"}}")));
		variants.add(Variant.raw("as plain text", MediaType.TEXT_PLAIN_VALUE, bytes));
		variants.add(Variant.raw("as XML", MediaType.APPLICATION_XML_VALUE, bytes("<a>" + SCRIPT + "</a>")));
		variants.add(Variant.raw("as a form", MediaType.APPLICATION_FORM_URLENCODED_VALUE, bytes("a=1&$where=1")));
		variants.add(Variant.raw("without a content type", null, bytes));
		variants.add(Variant.raw("multipart without a boundary", "multipart/form-data", bytes));
		return variants;
	}

	/**
	 * Hostile multipart bodies for one endpoint: its own JSON part made hostile (as the
	 * JSON bodies are), and files of every kind under every name and declared type.
	 */
	static List<Variant> multipartVariants(Target target) {
		List<Variant> variants = new ArrayList<>(multipartVariants());
		byte[] pdf = bytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
		String valid = (String) target.body().get("valid");
		if (!valid.isEmpty()) {
			for (Variant json : jsonVariants(castMap(JSON.readValue(valid, LinkedHashMap.class)))) {
				if (MediaType.APPLICATION_JSON_VALUE.equals(json.contentType()) && json.raw().length < 200_000) {
					variants.add(Variant.multipart("part " + json.name(),
							new String(json.raw(), StandardCharsets.UTF_8), "a.pdf", "application/pdf", pdf, true));
				}
			}
		}
		Map<String, byte[]> contents = new LinkedHashMap<>();
		contents.put("a program", concat(bytes("MZ"), new byte[] { (byte) 0x90, 0, 3, 0 }, bytes("cannot be run")));
		contents.put("a PNG header only", new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' });
		contents.put("a TIFF header only", new byte[] { 'I', 'I', 42, 0, 8, 0, 0, 0 });
		contents.put("a ZIP", new byte[] { 'P', 'K', 3, 4, 20, 0, 0, 0 });
		contents.put("binary noise", new byte[] { (byte) 0xff, (byte) 0xfe, 0, 0, (byte) 0xc3, 0x28, 1, 2 });
		contents.put("markup", bytes("<html>" + SCRIPT + "</html>"));
		for (Map.Entry<String, byte[]> content : contents.entrySet()) {
			for (String name : List.of("scan.pdf", "../../" + MARKUP + ".png", "x".repeat(300) + ".tif", "रसीद.jpg",
					"a\"; name=\"other")) {
				for (String type : List.of("application/pdf", "image/png", "application/octet-stream", "text/csv")) {
					variants.add(Variant.multipart(content.getKey() + " named " + describe(name) + " as " + type, null,
							name, type, content.getValue(), true));
				}
			}
		}
		return variants;
	}

	/**
	 * Hostile multipart bodies any endpoint gets; the part names come from the endpoint.
	 */
	static List<Variant> multipartVariants() {
		List<Variant> variants = new ArrayList<>();
		byte[] exe = concat(bytes("MZ"), new byte[] { (byte) 0x90, 0, 3, 0 }, bytes("This program cannot be run"));
		byte[] pdf = bytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
		variants.add(Variant.multipart("a program named .pdf", "{}", "report.pdf", "application/pdf", exe, true));
		variants.add(Variant.multipart("an empty file", "{}", "empty.pdf", "application/pdf", new byte[0], true));
		variants.add(Variant.multipart("a script named .png", "{}", "x.png", "image/png", bytes(SCRIPT), true));
		variants.add(Variant.multipart("a file name with a path and markup", "{}", "../../etc/" + SCRIPT + ".pdf",
				"application/pdf", pdf, true));
		variants
			.add(Variant.multipart("a JSON part that is not JSON", "{not json", "a.pdf", "application/pdf", pdf, true));
		variants.add(Variant.multipart("a JSON part with operators", "{\"$where\":\"1\",\"channel\":{\"$gt\":\"\"}}",
				"a.pdf", "application/pdf", pdf, true));
		variants.add(Variant.multipart("truncated", "{}", "a.pdf", "application/pdf", pdf, false));
		variants.add(Variant.raw("no parts at all", "multipart/form-data; boundary=XYZ", bytes("--XYZ--\r\n")));
		variants.add(Variant.raw("a boundary that never comes", "multipart/form-data; boundary=XYZ",
				bytes("--XYZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF")));
		variants.add(Variant.raw("a CSV that is a program", "multipart/form-data; boundary=XYZ",
				concat(bytes("--XYZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"r.csv\"\r\n"
						+ "Content-Type: text/csv\r\n\r\n"), exe, bytes("\r\n--XYZ--\r\n"))));
		return variants;
	}

	/** Hostile forms for Open311. */
	static List<Variant> formVariants() {
		List<Variant> variants = new ArrayList<>();
		String valid = "service_code=road&description=" + encode("सड़क टूटी") + "&first_name=Ram&lat=25.19&long=85.52";
		variants.add(Variant.raw("valid", MediaType.APPLICATION_FORM_URLENCODED_VALUE, bytes(valid)));
		for (String field : List.of("service_code", "description", "first_name", "phone", "email", "address_string",
				"lat", "long", "media_url", "attribute[ration_card_number]")) {
			for (Object value : VALUES) {
				String text = (value instanceof String string) ? string : String.valueOf(value);
				variants.add(Variant.raw(field + " = " + describe(value), MediaType.APPLICATION_FORM_URLENCODED_VALUE,
						// first, so that it is the value read
						bytes(field + "=" + encode(text) + "&" + valid)));
			}
			variants.add(Variant.raw(field + "[$ne] = 1", MediaType.APPLICATION_FORM_URLENCODED_VALUE,
					bytes(field + "[$ne]=1&" + valid)));
		}
		variants.add(Variant.raw("invalid percent-encoding", MediaType.APPLICATION_FORM_URLENCODED_VALUE,
				bytes("service_code=%ZZ&description=%")));
		variants.add(Variant.raw("as JSON", MediaType.APPLICATION_JSON_VALUE, bytes("{\"service_code\":\"road\"}")));
		return variants;
	}

	/** Pages that show what callers sent must never echo it as markup. */
	static void pagesEchoNothingUnescaped() {
		String hostile = encode(SCRIPT);
		// in the path, markup without a slash: an encoded slash is refused by the
		// container
		String inPath = encode(MARKUP);
		for (String path : List.of("/track/" + inPath + "?code=" + hostile,
				"/track/" + receiptNumber + "?code=" + hostile, "/track/" + receiptNumber + "?mobile=" + hostile,
				"/staff/item?id=" + hostile, "/submit?x=" + hostile)) {
			Target page = new Target("GET", path, null, Map.of());
			Answer answer = send(page, Variant.raw("markup in the address", null, null));
			check(page, Variant.raw("markup in the address", null, null), answer);
			if (answer.body().contains(SCRIPT) || answer.body().contains(MARKUP)) {
				failures.add("GET " + path + " echoed markup: " + abbreviate(answer.body()));
			}
		}
	}

	/** Checks an answer against the rules, and hands it back. */
	static Answer check(Target target, Variant variant, Answer answer) {
		int[] counts = tally.computeIfAbsent(
				target.method() + " " + target.path().replaceAll("\\?.*", "").replace(receiptNumber, "{receiptNumber}"),
				(key) -> new int[4]);
		counts[0]++;
		String what = target.method() + " " + target.path() + " with " + variant.name();
		if (answer.status() < 0) {
			counts[3]++;
			failures.add(what + ": no answer within 15 s");
			return answer;
		}
		if (answer.status() >= 500) {
			counts[3]++;
			failures.add(what + ": " + answer.status() + " " + abbreviate(answer.body()));
			return answer;
		}
		if (answer.status() == CLOSED) {
			// the server closed the connection on a body it would not read: an answer
			counts[2]++;
			return answer;
		}
		if (answer.status() >= 400) {
			counts[2]++;
			// a page for people answers with a page; everything else with a problem
			// document
			boolean page = target.method().equals("GET") && answer.contentType().startsWith("text/html");
			// Open311 clients read the standard's own error list instead
			boolean geoReport = target.path().startsWith("/open311/")
					&& answer.contentType().startsWith("application/json")
					&& answer.body().matches("(?s)\\[\\{\"code\":\\d+,\"description\":.*");
			if (!page && !geoReport && !answer.contentType().startsWith("application/problem+json")) {
				failures.add(what + ": a " + answer.status() + " that is no problem document (" + answer.contentType()
						+ "): " + abbreviate(answer.body()));
			}
		}
		else {
			counts[1]++;
		}
		return answer;
	}

	static Answer send(Target target, Variant variant) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + target.path()))
			.timeout(Duration.ofSeconds(15))
			// each endpoint from its own client address: the limits are for people
			.header("X-Forwarded-For", "10.66." + Math.abs(target.path().hashCode() % 250) + ".1");
		if (target.caller() != null) {
			switch (target.caller()) {
				case "FAX", "SOCIAL" -> request.header("X-Api-Key", tokens.get(target.caller()));
				case "CALLBACK" -> request.header("X-Dak-Callback-Token", RunningSystem.CALLBACK_TOKEN);
				default -> request.header("Authorization", tokens.get(target.caller()));
			}
		}
		byte[] body = variant.body(target);
		if (variant.contentType() != null && !variant.contentType().contains("\r")) {
			request.header("Content-Type", variant.contentType());
		}
		if (target.path().equals("/api/v1/complaints") || target.path().startsWith("/api/v1/channels")) {
			request.header("Idempotency-Key", "hostile-" + java.util.UUID.randomUUID());
		}
		request.method(target.method(),
				(body != null) ? HttpRequest.BodyPublishers.ofByteArray(body) : HttpRequest.BodyPublishers.noBody());
		try {
			HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.body());
		}
		catch (HttpTimeoutException ex) {
			return new Answer(-1, "", "");
		}
		catch (IOException ex) {
			// a refused connection or a body the server would not read to the end: the
			// server closed it, which is an answer, not a hang
			return new Answer(CLOSED, "", ex.toString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static int inboxTotal() {
		JsonNode page = RestClient.builder()
			.baseUrl(system.serviceUrl("routing-service"))
			.defaultHeader("Authorization", tokens.get("DM"))
			.build()
			.get()
			.uri("/api/v1/inbox?size=1")
			.retrieve()
			.body(JsonNode.class);
		return (page.has("page") ? page.get("page").get("totalElements") : page.get("totalElements")).asInt();
	}

	static void write() {
		StringBuilder report = new StringBuilder(
				"| endpoint | variants | accepted | refused with a problem | 5xx or no answer |\n|---|---|---|---|---|\n");
		tally.forEach((endpoint, counts) -> report
			.append("| `%s` | %d | %d | %d | %d |\n".formatted(endpoint, counts[0], counts[1], counts[2], counts[3])));
		report.append("\ntotal: ")
			.append(tally.values().stream().mapToInt((counts) -> counts[0]).sum())
			.append(" requests; rows of the imported registers by outcome: ")
			.append(registerRows)
			.append("; broke the rules: ")
			.append(failures.size())
			.append('\n');
		failures.stream().limit(50).forEach((failure) -> report.append("- ").append(failure).append('\n'));
		report("hostile.md", report.toString());
	}

	/** Prints a suite's figures and keeps them in {@code target/reliability}. */
	static void report(String name, String figures) {
		System.out.println(figures);
		try {
			Path file = Path.of("target", "reliability", name);
			Files.createDirectories(file.getParent());
			Files.writeString(file, figures);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String write(Object value) {
		return JSON.writeValueAsString(value);
	}

	/** The JSON text with one field's value replaced by raw JSON text. */
	static String withField(String json, String field, String rawValue) {
		Map<String, Object> others = new LinkedHashMap<>(JSON.readValue(json, LinkedHashMap.class));
		others.remove(field);
		String rest = write(others);
		return "{\"" + field + "\":" + rawValue + (others.isEmpty() ? "}" : "," + rest.substring(1));
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> castMap(Map<?, ?> map) {
		return (Map<String, Object>) map;
	}

	static String describe(Object value) {
		String text = String.valueOf(value);
		return (text.length() > 30) ? text.substring(0, 12) + "… (" + text.length() + " characters)" : text;
	}

	static String abbreviate(String text) {
		return (text.length() > 200) ? text.substring(0, 200) + "…" : text;
	}

	static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	static byte[] concat(byte[] first, byte[] second, byte[] third) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(first);
		out.writeBytes(second);
		out.writeBytes(third);
		return out.toByteArray();
	}

	/** An endpoint, who calls it, and a valid body (for multipart: its part names). */
	record Target(String method, String path, String caller, Map<String, Object> body) {
	}

	/** What came back. */
	record Answer(int status, String contentType, String body) {
	}

	/** One hostile request body. */
	record Variant(String name, String contentType, byte[] raw, Multipart multipart) {

		static Variant json(String name, Object body) {
			return new Variant(name, MediaType.APPLICATION_JSON_VALUE, bytes(write(body)), null);
		}

		static Variant raw(String name, String contentType, byte[] body) {
			return new Variant(name, contentType, body, null);
		}

		static Variant multipart(String name, String json, String filename, String type, byte[] content,
				boolean complete) {
			return new Variant(name, "multipart/form-data; boundary=dak-hostile-boundary", null,
					new Multipart(json, filename, type, content, complete));
		}

		byte[] body(Target target) {
			if (this.multipart == null) {
				return this.raw;
			}
			return this.multipart.body((String) target.body().get("json"), (String) target.body().get("file"),
					(String) target.body().get("valid"));
		}

	}

	/** A multipart body with a JSON part (if the endpoint has one) and a file part. */
	record Multipart(String json, String filename, String type, byte[] content, boolean complete) {

		byte[] body(String jsonPart, String filePart, String validJson) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			if (!jsonPart.isEmpty()) {
				out.writeBytes(bytes("--dak-hostile-boundary\r\nContent-Disposition: form-data; name=\"" + jsonPart
						+ "\"\r\nContent-Type: application/json\r\n\r\n" + ((this.json != null) ? this.json : validJson)
						+ "\r\n"));
			}
			out.writeBytes(bytes("--dak-hostile-boundary\r\nContent-Disposition: form-data; name=\"" + filePart
					+ "\"; filename=\"" + this.filename + "\"\r\nContent-Type: " + this.type + "\r\n\r\n"));
			out.writeBytes(this.complete ? this.content
					: java.util.Arrays.copyOf(this.content, Math.max(1, this.content.length / 2)));
			if (this.complete) {
				out.writeBytes(bytes("\r\n--dak-hostile-boundary--\r\n"));
			}
			return out.toByteArray();
		}

	}

}
