package org.dak.systemtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.dak.testsupport.Http;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The authorisation matrix: every endpoint of the access table in docs/access.md, called
 * through the gateway by every role and anonymously. Where the table says ✓ the answer
 * must not be 401 or 403, nor a server error; where it says ✗ it must be 401 (anonymous)
 * or 403 (signed in). The table is read from that page itself, so the documentation and
 * the system cannot drift apart.
 */
class AccessMatrixIT {

	static final List<String> COLUMNS = List.of("anonymous", "RECEIPT_DESK", "DM", "DEPARTMENT_OFFICER",
			"CHANNEL_ADAPTER", "AUDITOR", "ADMIN");

	static RunningSystem system;

	static Gateway gateway;

	static Map<String, RestClient> callers;

	static String receiptNumber;

	static String targetAccount;

	static String targetKeyId;

	/** Adapters of other channels, for the endpoints of their own channel. */
	static Map<String, RestClient> channelAdapters;

	@BeforeAll
	static void startTheSystemAndItsPeople() {
		system = RunningSystem.shared();
		gateway = new Gateway(system);
		String adminToken = gateway.admin();
		callers = Map.of("anonymous", gateway.anonymous(), "RECEIPT_DESK",
				gateway.as(gateway.account("matrix.desk", "RECEIPT_DESK", Map.of())), "DM",
				gateway.as(gateway.account("matrix.dm", "DM", Map.of())), "DEPARTMENT_OFFICER",
				gateway.as(gateway.account("matrix.supply", "DEPARTMENT_OFFICER", Map.of("department", "SUPPLY"))),
				"CHANNEL_ADAPTER",
				gateway.withKey(gateway.adapterKey("matrix mail bridge", "EMAIL").get("key").asString()), "AUDITOR",
				gateway.as(gateway.account("matrix.auditor", "AUDITOR", Map.of())), "ADMIN", gateway.as(adminToken));
		gateway.account("matrix.target", "RECEIPT_DESK", Map.of());
		targetAccount = "matrix.target";
		targetKeyId = gateway.adapterKey("matrix throwaway", "FAX").get("id").asString();
		channelAdapters = Map.of("/api/v1/channels/social",
				gateway.withKey(gateway.adapterKey("matrix social bridge", "SOCIAL_MEDIA").get("key").asString()),
				"/api/v1/channels/fax",
				gateway.withKey(gateway.adapterKey("matrix fax bridge", "FAX").get("key").asString()));

		receiptNumber = gateway.anonymous()
			.post()
			.uri("/api/v1/complaints")
			.contentType(MediaType.APPLICATION_JSON)
			.body(complaint("WEB"))
			.retrieve()
			.body(JsonNode.class)
			.get("receiptNumber")
			.asString();
		Gateway.markWhenInInbox(callers.get("DM"), receiptNumber, "SUPPLY");
		RestClient officer = callers.get("DEPARTMENT_OFFICER");
		await().atMost(Duration.ofSeconds(60))
			.until(() -> officer.get()
				.uri("/api/v1/cases/" + receiptNumber)
				.retrieve()
				.toBodilessEntity()
				.getStatusCode()
				.value() == 200);
	}

	@TestFactory
	Stream<DynamicTest> everyEndpointAnswersEveryRoleAsTheReadmeSays() {
		List<DynamicTest> tests = new ArrayList<>();
		for (Row row : accessTable()) {
			for (int column = 0; column < COLUMNS.size(); column++) {
				String role = COLUMNS.get(column);
				boolean allowed = row.allowed().get(column);
				tests.add(DynamicTest.dynamicTest(row.endpoint() + " as " + role + (allowed ? " ✓" : " ✗"), () -> {
					int status = call(row, role);
					if (status == 503 && row.endpoint().startsWith("GET ")) {
						// the route's time-out (5 s) on a machine busy with the fault
						// suites
						// beside this test: a read answered "come again" is asked again,
						// as
						// a client would; access is what this test is about
						status = call(row, role);
					}
					if (allowed) {
						// allowed means answered: a 5xx is a failure, not a pass
						assertThat(status).as("%s as %s", row.endpoint(), role).isNotIn(401, 403).isLessThan(500);
					}
					else {
						assertThat(status).as("%s as %s", row.endpoint(), role)
							.isEqualTo(role.equals("anonymous") ? 401 : 403);
					}
				}));
			}
		}
		assertThat(tests).hasSizeGreaterThan(25 * COLUMNS.size());
		return tests.stream();
	}

	private static int call(Row row, String role) {
		String[] parts = row.endpoint().split(" ", 2);
		HttpMethod method = HttpMethod.valueOf(parts[0]);
		String path = parts[1].replace("{receiptNumber}", receiptNumber)
			.replace("{username}", targetAccount)
			.replace("{keyId}", targetKeyId)
			.replace("{attachmentId}", "000000000000000000000000")
			.replace("{fileId}", "000000000000000000000000")
			.replace("{serviceCode}", "pension")
			.replace("{code}", "LABOUR")
			.replace("{officeCode}", "MATRIX_OFFICE")
			.replace("{importId}", "no-such-import")
			.replace("{serviceRequestId}", receiptNumber)
			.replace("{subscriberId}", "no-such-subscriber")
			.replace("{eventId}", "no-such-event");
		if (path.equals("/api/v1/notifications")) {
			path = path + "?complaintId=" + receiptNumber;
		}
		if (path.startsWith("/api/v1/public/track/") || path.startsWith("/track/")
				|| path.startsWith("/api/v1/public/notifications/")) {
			path = path + "?code=WRONGCODEWRONGCD";
		}
		RestClient client = (role.equals("CHANNEL_ADAPTER") && channelAdapters.containsKey(path))
				? channelAdapters.get(path) : callers.get(role);
		Object body = body(row.endpoint(), role);
		RestClient.RequestBodySpec request = client.method(method).uri(path);
		if (path.equals("/api/v1/notifications/delivery-receipts")) {
			request.header("X-Dak-Callback-Token", RunningSystem.CALLBACK_TOKEN);
		}
		if (body instanceof MultiValueMap<?, ?>) {
			request.contentType(MediaType.MULTIPART_FORM_DATA).body(body);
		}
		else if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).body(body);
		}
		return request.retrieve().toBodilessEntity().getStatusCode().value();
	}

	/** A request body that would be accepted from a caller who is allowed. */
	private static Object body(String endpoint, String role) {
		return switch (endpoint) {
			case "POST /api/v1/auth/login" -> Map.of("username", "matrix.desk", "password", Gateway.PASSWORD);
			case "POST /api/v1/auth/refresh" -> Map.of("refreshToken", freshRefreshToken());
			case "POST /api/v1/auth/password" ->
				Map.of("currentPassword", "not-the-current-one", "newPassword", "a-new-long-password");
			case "POST /api/v1/admin/users" ->
				Map.of("username", "matrix." + UUID.randomUUID().toString().substring(0, 8), "password",
						Gateway.PASSWORD, "roles", List.of("AUDITOR"));
			case "PUT /api/v1/admin/users/{username}" -> Map.of("roles", List.of("RECEIPT_DESK"), "enabled", true);
			case "POST /api/v1/admin/users/{username}/password" -> Map.of("newPassword", Gateway.PASSWORD);
			case "POST /api/v1/admin/adapter-keys" -> Map.of("name", "matrix key", "channel", "SOCIAL_MEDIA");
			case "POST /api/v1/complaints" -> complaint(role.equals("CHANNEL_ADAPTER") ? "EMAIL" : "WEB");
			case "POST /api/v1/complaints/possible-duplicates" ->
				Map.of("mobile", "9123456789", "subject", "पेंशन भुगतान");
			case "POST /api/v1/channels/social" -> Map.of("platform", "x", "handle", "matrix", "postId",
					UUID.randomUUID().toString(), "text", "सड़क टूटी है", "postedAt", "2026-11-28T04:10:00Z");
			case "POST /api/v1/channels/fax" -> fax();
			case "POST /api/v1/imports" -> register();
			case "POST /api/v1/cases/scan" -> image();
			case "POST /api/v1/public/track/{receiptNumber}/feedback" -> Map.of("satisfied", true);
			case "POST /api/v1/public/track/{receiptNumber}/one-time-code" -> Map.of("channel", "SMS");
			case "POST /open311/v2/requests.json", "POST /open311/v2/requests.xml" -> {
				MultiValueMap<String, HttpEntity<?>> form = new LinkedMultiValueMap<>();
				form.add("service_code", new HttpEntity<>("road"));
				form.add("description", new HttpEntity<>("सड़क टूटी है"));
				form.add("first_name", new HttpEntity<>("Ram"));
				form.add("address_string", new HttpEntity<>("बिहार शरीफ, वार्ड 4"));
				yield form;
			}
			case "POST /api/v1/inbox/{receiptNumber}/marking", "POST /api/v1/inbox/{receiptNumber}/re-marking" ->
				Map.of("departmentCode", "SUPPLY");
			case "POST /api/v1/inbox/marking" ->
				Map.of("complaintIds", List.of(receiptNumber), "departmentCode", "SUPPLY");
			case "POST /api/v1/cases/{receiptNumber}/status" -> Map.of("status", "IN_PROGRESS");
			case "POST /api/v1/cases/{receiptNumber}/steps" -> Map.of("step", "ACKNOWLEDGE");
			case "POST /api/v1/inbox/{receiptNumber}/recall" -> Map.of("reason", "access matrix");
			case "POST /api/v1/departments" -> Map.of("code", "MATRIX_"
					+ UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT).replace('-', '_'),
					"name", "Matrix", "nameHi", "मैट्रिक्स", "officer", Map.of("name", "Matrix officer"));
			case "PUT /api/v1/departments/{code}" -> Map.of("name", "Labour Resources", "nameHi", "श्रम संसाधन",
					"officer", Map.of("name", "Labour Superintendent", "email", "labour.nalanda@dak.local"));
			case "PUT /api/v1/departments/{code}/offices/{officeCode}" -> Map.of("name", "Matrix office", "nameHi",
					"मैट्रिक्स कार्यालय", "officer", Map.of("name", "Matrix officer"));
			case "POST /api/v1/demo/clock" -> Map.of("days", 1);
			// an old version: the administrator is answered 409 and the shared system's
			// calendar stays as it is
			case "PUT /api/v1/settings/calendar" -> Map.of("version", 0, "reason", "access matrix", "workingWeek",
					Map.of("daysOff", List.of("SUNDAY"), "saturdaysOff", List.of()), "holidays", List.of());
			case "POST /api/v1/settings/calendar/gazette" -> {
				MultiValueMap<String, HttpEntity<?>> form = new LinkedMultiValueMap<>();
				form.add("version", new HttpEntity<>("0"));
				form.add("reason", new HttpEntity<>("access matrix"));
				form.add("file",
						Http.filePart("file", "holidays.csv", new MediaType("text", "csv"),
								"date,name_hi,name_en\n2030-01-26,गणतंत्र दिवस,Republic Day\n"
									.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
				yield form;
			}
			case "POST /api/v1/notifications/delivery-receipts" -> Map.of("reference", "matrix", "status", "DELIVERED");
			case "PUT /api/v1/public/notifications/{receiptNumber}/preferences" -> Map.of("email", true);
			default -> null;
		};
	}

	private static MultiValueMap<String, HttpEntity<?>> fax() {
		MultiValueMap<String, HttpEntity<?>> parts = new LinkedMultiValueMap<>();
		parts.add("fax", Http.jsonPart(Map.of("faxId", UUID.randomUUID().toString(), "senderNumber", "0612 2200456",
				"receivedAt", "2026-11-28T05:00:00Z")));
		parts.add("pages", Http.filePart("pages", "page-1.tif", MediaType.APPLICATION_OCTET_STREAM,
				new byte[] { 'I', 'I', 42, 0, 8, 0, 0, 0 }));
		return parts;
	}

	private static MultiValueMap<String, HttpEntity<?>> image() {
		MultiValueMap<String, HttpEntity<?>> parts = new LinkedMultiValueMap<>();
		parts.add("image", Http.filePart("image", "scan.png", MediaType.IMAGE_PNG, new byte[] { 1, 2, 3 }));
		return parts;
	}

	private static MultiValueMap<String, HttpEntity<?>> register() {
		String csv = String.join(",", "register_no", "received_on", "sender_name", "sender_address", "sender_mobile",
				"letter_reference", "letter_date", "subject", "description") + "\n1,2026-11-27,Ram,Hilsa,,,,Road,\n";
		MultiValueMap<String, HttpEntity<?>> parts = new LinkedMultiValueMap<>();
		parts.add("file", Http.filePart("file", "register.csv", new MediaType("text", "csv"),
				csv.getBytes(StandardCharsets.UTF_8)));
		return parts;
	}

	private static String freshRefreshToken() {
		return gateway.anonymous()
			.post()
			.uri("/api/v1/auth/login")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("username", "matrix.desk", "password", Gateway.PASSWORD))
			.retrieve()
			.body(JsonNode.class)
			.get("refreshToken")
			.asString();
	}

	static Map<String, Object> complaint(String channel) {
		return Map.of("channel", channel, "applicant",
				Map.of("name", "रमेश यादव", "mobile", "9123456789", "preferredLanguage", "hi"), "subject",
				"पेंशन भुगतान", "description", "तीन माह से पेंशन नहीं मिली।");
	}

	/** One row of the access table. */
	record Row(String endpoint, List<Boolean> allowed) {
	}

	static List<Row> accessTable() {
		Path page = Path.of(System.getProperty("dak.root", "../..")).resolve("docs/access.md");
		try {
			String text = Files.readString(page);
			String table = text.substring(text.indexOf("<!-- access-table:start -->"),
					text.indexOf("<!-- access-table:end -->"));
			List<Row> rows = new ArrayList<>();
			for (String line : table.lines().toList()) {
				if (!line.startsWith("| `")) {
					continue;
				}
				String[] cells = line.split("\\|");
				String endpoint = cells[1].strip().replace("`", "");
				List<Boolean> allowed = new ArrayList<>();
				for (int i = 0; i < COLUMNS.size(); i++) {
					String cell = cells[2 + i].strip();
					if (!cell.equals("✓") && !cell.equals("✗")) {
						throw new IllegalStateException("docs/access.md, access table: '" + cell + "' in " + endpoint);
					}
					allowed.add(cell.equals("✓"));
				}
				rows.add(new Row(endpoint, allowed));
			}
			return rows;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
