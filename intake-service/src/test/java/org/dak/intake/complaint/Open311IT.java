package org.dak.intake.complaint;

import java.time.Duration;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dak.contracts.ComplaintReceived;
import org.dak.support.events.EventJson;
import org.dak.contracts.Topics;
import org.dak.testsupport.Http;
import org.dak.testsupport.PublishedRecords;
import org.dak.testsupport.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A civic app speaking Open311 GeoReport v2 finds the office, its services and their
 * questions, and reports a problem at a place, in either of the standard's forms.
 */
@ServiceIntegrationTest
class Open311IT {

	@LocalServerPort
	int port;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Test
	void discoveryNamesTheEndpointAndItsForms() {
		JsonNode discovery = get("/open311/v2/discovery.json").getBody();
		ResponseEntity<String> xml = text("/open311/v2/discovery.xml");

		JsonNode endpoint = discovery.get("endpoints").get(0);
		assertThat(endpoint.get("url").asString()).endsWith("/open311/v2");
		assertThat(endpoint.get("specification").asString()).isEqualTo("http://wiki.open311.org/GeoReport_v2");
		assertThat(endpoint.get("formats").toString()).contains("text/xml", "application/json");
		assertThat(discovery.get("contact").asString()).isNotBlank();
		assertThat(xml.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_XML)).isTrue();
		assertThat(xml.getBody()).contains("<discovery>", "<endpoints><endpoint>",
				"<formats><format>text/xml</format><format>application/json</format></formats>");
	}

	@Test
	void civicAppsListTheServicesInGeoReportShape() {
		JsonNode services = get("/open311/v2/services.json").getBody();
		String xml = text("/open311/v2/services.xml").getBody();

		assertThat(services.isArray()).isTrue();
		for (JsonNode service : services) {
			assertThat(service.propertyNames()).contains("service_code", "service_name", "description", "metadata",
					"type", "keywords", "group");
			assertThat(service.get("type").asString()).isEqualTo("realtime");
		}
		assertThat(services.findValuesAsString("service_code")).contains("ration-card", "pension", "drinking-water");
		assertThat(xml).contains("<services><service><service_code>ration-card</service_code>")
			.contains("<metadata>true</metadata>");
	}

	@Test
	void aServiceDefinitionGivesItsQuestionsAndTheirAnswers() {
		JsonNode pension = get("/open311/v2/services/pension.json").getBody();
		String xml = text("/open311/v2/services/pension.xml").getBody();

		assertThat(pension.get("service_code").asString()).isEqualTo("pension");
		JsonNode scheme = pension.get("attributes").get(0);
		assertThat(scheme.get("code").asString()).isEqualTo("scheme");
		assertThat(scheme.get("datatype").asString()).isEqualTo("singlevaluelist");
		assertThat(scheme.get("required").asBoolean()).isTrue();
		assertThat(scheme.get("values").findValuesAsString("key")).containsExactly("old-age", "widow", "disability");
		assertThat(xml).contains("<service_definition><service_code>pension</service_code><attributes><attribute>")
			.contains("<values><value><key>old-age</key>");
	}

	@Test
	void aServiceAndAPlaceAreEnoughToReportAProblem() {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("service_code", "drinking-water");
		form.add("lat", "25.1972");
		form.add("long", "85.5230");

		ResponseEntity<JsonNode> response = post("/open311/v2/requests.json", form);

		assertThat(response.getStatusCode().value()).isEqualTo(200);
		String id = response.getBody().get(0).get("service_request_id").asString();
		assertThat(id).matches("NAL-\\d{4}-\\d{6}-[0-9A-Z]");
		assertThat(response.getBody().get(0).get("service_notice").asString()).contains(id);
		ComplaintReceived event = published(id);
		assertThat(event.place().latitude()).isEqualTo(25.1972);
		assertThat(event.place().longitude()).isEqualTo(85.5230);
		assertThat(event.reportedOnOpen311()).isTrue();
		assertThat(event.category()).isEqualTo("drinking-water");
		assertThat(event.applicant().name()).isEqualTo("नाम नहीं दिया / Name not given");
		assertThat(event.description()).isEqualTo("Drinking water, hand pump (पेयजल) — 25.1972, 85.523");
	}

	@Test
	void aRequestForAPersonsOwnBenefitWithoutADescriptionIsNotDescribedByWhereThePersonLives() {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("service_code", "ration-card");
		form.add("lat", "25.1972");
		form.add("long", "85.5230");
		form.add("attribute[ration_card_number]", "10234567890123");

		ResponseEntity<JsonNode> response = post("/open311/v2/requests.json", form);

		ComplaintReceived event = published(response.getBody().get(0).get("service_request_id").asString());
		assertThat(event.description()).isEqualTo(
				"Ration card / PDS (राशन कार्ड)\nराशन कार्ड संख्या, यदि हो / Ration card number, if any: 10234567890123");
		assertThat(event.place().latitude()).as("kept with the item for staff").isEqualTo(25.1972);
	}

	@Test
	void everyFieldOfTheStandardTravelsWithTheItem() {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("service_code", "pension");
		form.add("address_string", "ग्राम कोरई, प्रखंड सिलाव");
		form.add("address_id", "LGD-243517");
		form.add("attribute[scheme]", "widow");
		form.add("description", "छह महीने से पेंशन नहीं आई");
		form.add("media_url", "https://photos.example.org/p/81.jpg");
		form.add("first_name", "सीता");
		form.add("last_name", "देवी");
		form.add("phone", "+91 97000 11122");
		form.add("email", "sita@example.org");
		form.add("device_id", "phone-77");
		form.add("account_id", "acct-9");

		ResponseEntity<String> response = Http.local(this.port)
			.post()
			.uri("/open311/v2/requests.xml")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(form)
			.retrieve()
			.toEntity(String.class);

		assertThat(response.getStatusCode().value()).isEqualTo(200);
		assertThat(response.getBody()).contains("<service_requests><request><service_request_id>NAL-")
			.contains("<account_id>acct-9</account_id>");
		String id = response.getBody().replaceAll("(?s).*<service_request_id>([^<]+)<.*", "$1");
		ComplaintReceived event = published(id);
		assertThat(event.place().address()).isEqualTo("ग्राम कोरई, प्रखंड सिलाव");
		assertThat(event.place().addressId()).isEqualTo("LGD-243517");
		assertThat(event.place().latitude()).isNull();
		assertThat(event.mediaUrl()).isEqualTo("https://photos.example.org/p/81.jpg");
		assertThat(event.description())
			.isEqualTo("छह महीने से पेंशन नहीं आई\nकौन सी पेंशन / Which pension: " + "विधवा पेंशन / Widow pension");
		assertThat(event.applicant().name()).isEqualTo("सीता देवी");
		assertThat(event.applicant().mobile()).isEqualTo("9700011122");
		assertThat(event.applicant().email()).isEqualTo("sita@example.org");
	}

	@Test
	void errorsAreTheStandardsListInTheFormAsked() {
		MultiValueMap<String, String> unknown = new LinkedMultiValueMap<>();
		unknown.add("service_code", "astrology");
		unknown.add("address_string", "कहीं");
		MultiValueMap<String, String> nowhere = new LinkedMultiValueMap<>();
		nowhere.add("service_code", "road");
		MultiValueMap<String, String> unanswered = new LinkedMultiValueMap<>();
		unanswered.add("service_code", "pension");
		unanswered.add("address_string", "बिहार शरीफ");
		MultiValueMap<String, String> badLink = new LinkedMultiValueMap<>();
		badLink.add("service_code", "road");
		badLink.add("lat", "25.2");
		badLink.add("long", "85.5");
		badLink.add("media_url", "javascript:alert(1)");

		ResponseEntity<JsonNode> unknownService = post("/open311/v2/requests.json", unknown);
		ResponseEntity<JsonNode> noPlace = post("/open311/v2/requests.json", nowhere);
		ResponseEntity<JsonNode> noScheme = post("/open311/v2/requests.json", unanswered);
		ResponseEntity<JsonNode> notALink = post("/open311/v2/requests.json", badLink);
		ResponseEntity<String> noDefinition = text("/open311/v2/services/astrology.xml");

		assertThat(unknownService.getStatusCode().value()).isEqualTo(404);
		assertThat(unknownService.getBody().get(0).get("code").asInt()).isEqualTo(404);
		assertThat(unknownService.getBody().get(0).get("description").asString()).contains("astrology");
		assertThat(noPlace.getStatusCode().value()).isEqualTo(400);
		assertThat(noPlace.getBody().get(0).get("description").asString()).contains("place");
		assertThat(noScheme.getStatusCode().value()).isEqualTo(400);
		assertThat(noScheme.getBody().get(0).get("description").asString()).contains("attribute[scheme]");
		assertThat(notALink.getStatusCode().value()).isEqualTo(400);
		assertThat(notALink.getBody().get(0).get("description").asString()).startsWith("media_url");
		assertThat(noDefinition.getStatusCode().value()).isEqualTo(404);
		assertThat(noDefinition.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_XML)).isTrue();
		assertThat(noDefinition.getBody()).contains("<errors><error><code>404</code><description>");
	}

	private ComplaintReceived published(String id) {
		ConsumerRecord<String, byte[]> record = PublishedRecords.await(this.bootstrapServers, Topics.COMPLAINT_RECEIVED,
				(r) -> id.equals(r.key()), Duration.ofSeconds(30));
		return EventJson.read(record.value(), ComplaintReceived.class);
	}

	private ResponseEntity<JsonNode> get(String path) {
		return Http.local(this.port).get().uri(path).retrieve().toEntity(JsonNode.class);
	}

	private ResponseEntity<String> text(String path) {
		return Http.local(this.port).get().uri(path).retrieve().toEntity(String.class);
	}

	private ResponseEntity<JsonNode> post(String path, MultiValueMap<String, String> form) {
		return Http.local(this.port)
			.post()
			.uri(path)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(form)
			.retrieve()
			.toEntity(JsonNode.class);
	}

}
