package org.dak.intake.bulkimport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.dak.testsupport.Http;
import org.dak.testsupport.ServiceIntegrationTest;
import org.dak.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ServiceIntegrationTest
class DakRegisterImportIT {

	static final String REGISTER = """
			register_no,received_on,sender_name,sender_address,sender_mobile,letter_reference,letter_date,subject,description
			101,2026-11-27,श्रीमती कमला देवी,"ग्राम पावापुरी, नालंदा",9431000001,प.सं. 12,2026-11-20,वृद्धा पेंशन हेतु आवेदन,"तीन माह से पेंशन नहीं मिली, कृपया ""जाँच"" करें।"
			102,2026-11-27,Shri Arun Kumar,Rajgir,,REF-77,2026-11-25,Land mutation pending,
			101,2026-11-27,श्रीमती कमला देवी,"ग्राम पावापुरी, नालंदा",9431000001,प.सं. 12,2026-11-20,वृद्धा पेंशन हेतु आवेदन,दोहराई गई पंक्ति
			103,2026-11-27,,Hilsa,,,,No sender,
			104,27/11/2026,Ram Prasad,Islampur,,,,Bad date,
			105,2026-11-27,Sita Devi,Ekangarsarai,12345,,,Bad mobile,
			""";

	@LocalServerPort
	int port;

	@Test
	void aRegisterGivesAReportRowByRowAndUploadingItAgainCreatesNothingNew() {
		RestClient desk = Http.local(this.port, TestTokens.token("desk", "RECEIPT_DESK"));

		JsonNode first = finished(desk, upload(desk, REGISTER));

		assertThat(first.get("total").asInt()).isEqualTo(6);
		assertThat(first.get("accepted").asInt()).isEqualTo(2);
		assertThat(first.get("duplicates").asInt()).isEqualTo(1);
		assertThat(first.get("invalid").asInt()).isEqualTo(3);
		List<String> outcomes = first.get("rows").findValuesAsString("outcome");
		assertThat(outcomes).containsExactly("ACCEPTED", "ACCEPTED", "DUPLICATE", "INVALID", "INVALID", "INVALID");
		JsonNode rows = first.get("rows");
		assertThat(rows.get(2).get("receiptNumber")).isEqualTo(rows.get(0).get("receiptNumber"));
		assertThat(rows.get(3).get("reason").asString()).contains("applicant.name");
		assertThat(rows.get(4).get("reason").asString()).contains("received_on");
		assertThat(rows.get(5).get("reason").asString()).contains("applicant.mobile");
		assertThat(rows.get(0).get("line").asInt()).isEqualTo(2);
		JsonNode receipt = desk.get()
			.uri("/api/v1/complaints/" + rows.get(0).get("receiptNumber").asString() + "/receipt")
			.retrieve()
			.body(JsonNode.class);
		assertThat(receipt.get("subject").asString()).isEqualTo("वृद्धा पेंशन हेतु आवेदन");
		assertThat(receipt.get("channel").asString()).isEqualTo("POST");

		JsonNode second = finished(desk, upload(desk, REGISTER));

		assertThat(second.get("accepted").asInt()).isZero();
		assertThat(second.get("duplicates").asInt()).isEqualTo(3);
		assertThat(second.get("rows").get(0).get("receiptNumber")).isEqualTo(rows.get(0).get("receiptNumber"));
	}

	@Test
	void aFileWithoutTheRegisterColumnsIsRefusedAtOnce() {
		RestClient desk = Http.local(this.port, TestTokens.token("desk", "RECEIPT_DESK"));

		ResponseEntity<JsonNode> response = upload(desk, "name,subject\nA,B\n");

		assertThat(response.getStatusCode().value()).isEqualTo(422);
		assertThat(response.getBody().get("detail").asString()).contains("register_no");
	}

	private static JsonNode finished(RestClient desk, ResponseEntity<JsonNode> started) {
		assertThat(started.getStatusCode().value()).isEqualTo(202);
		String location = started.getHeaders().getLocation().toString();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> "DONE"
				.equals(desk.get().uri(location).retrieve().body(JsonNode.class).get("status").asString()));
		return desk.get().uri(location).retrieve().body(JsonNode.class);
	}

	private static ResponseEntity<JsonNode> upload(RestClient desk, String csv) {
		MultiValueMap<String, HttpEntity<?>> parts = new LinkedMultiValueMap<>();
		parts.add("file", Http.filePart("file", "dak-register-2026-11-27.csv", new MediaType("text", "csv"),
				csv.getBytes(StandardCharsets.UTF_8)));
		return desk.post()
			.uri("/api/v1/imports")
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(parts)
			.retrieve()
			.toEntity(JsonNode.class);
	}

}
