package org.dak.routing.department;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dak.contracts.DepartmentChanged;
import org.dak.contracts.Office;
import org.dak.contracts.Topics;
import org.dak.support.events.EventJson;
import org.dak.testsupport.Http;
import org.dak.testsupport.PublishedRecords;
import org.dak.testsupport.ServiceIntegrationTest;
import org.dak.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.bson.Document;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

@ServiceIntegrationTest
class DepartmentMasterDataIT {

	private static final Map<String, Object> OFFICER = Map.of("name", "DMWO Nalanda", "email", "dmwo@dak.local",
			"mobile", "9431000002");

	@LocalServerPort
	int port;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Test
	void theDmsOfficeAddsADepartmentAndAnOfficeBelowItAndEveryChangeIsAnnounced() {
		RestClient dm = Http.local(this.port, TestTokens.token("dm.nalanda", "DM"));

		ResponseEntity<JsonNode> created = Http.json(dm, HttpMethod.POST, "/api/v1/departments", Map.of("code",
				"MINORITY_WELFARE", "name", "Minority Welfare", "nameHi", "अल्पसंख्यक कल्याण", "officer", OFFICER));
		ResponseEntity<JsonNode> office = Http.json(dm, HttpMethod.PUT,
				"/api/v1/departments/MINORITY_WELFARE/offices/BLOCK_RAJGIR", Map.of("name", "Block office, Rajgir",
						"nameHi", "प्रखंड कार्यालय, राजगीर", "officer", Map.of("name", "BDO Rajgir")));

		assertThat(created.getStatusCode().value()).isEqualTo(201);
		assertThat(created.getHeaders().getLocation()).hasToString("/api/v1/departments/MINORITY_WELFARE");
		assertThat(office.getStatusCode().value()).isEqualTo(200);
		JsonNode read = dm.get().uri("/api/v1/departments/MINORITY_WELFARE").retrieve().body(JsonNode.class);
		assertThat(read.get("officer").get("mobile").asString()).isEqualTo("9431000002");
		assertThat(read.get("offices").findValuesAsString("code")).containsExactly("BLOCK_RAJGIR");
		assertThat(read.has("outbox")).as("internal fields stay inside").isFalse();
		ConsumerRecord<String, byte[]> latest = PublishedRecords.await(this.bootstrapServers, Topics.DEPARTMENT_CHANGED,
				(r) -> "MINORITY_WELFARE".equals(r.key()) && PublishedRecords.text(r).contains("BLOCK_RAJGIR"),
				Duration.ofSeconds(30));
		DepartmentChanged event = EventJson.read(latest.value(), DepartmentChanged.class);
		assertThat(event.nameHi()).isEqualTo("अल्पसंख्यक कल्याण");
		assertThat(event.offices()).extracting(Office::nameHi).containsExactly("प्रखंड कार्यालय, राजगीर");
	}

	@Autowired
	MongoTemplate mongo;

	@Autowired
	Departments departments;

	@Test
	void aDepartmentStoredByAnEarlierVersionGetsItsOfficerFromTheSeedAndCanBeChanged() {
		this.mongo.getCollection("departments").deleteOne(new Document("_id", "LABOUR"));
		this.mongo.getCollection("departments")
			.insertOne(new Document("_id", "LABOUR").append("name", "Labour Resources")
				.append("nameHi", "श्रम संसाधन")
				.append("officerEmail", "labour.nalanda@dak.local"));

		this.departments.run(null);

		RestClient dm = Http.local(this.port, TestTokens.token("dm.nalanda", "DM"));
		JsonNode labour = dm.get().uri("/api/v1/departments/LABOUR").retrieve().body(JsonNode.class);
		assertThat(labour.get("officer").get("email").asString()).isEqualTo("labour.nalanda@dak.local");
		assertThat(Http
			.json(dm, HttpMethod.PUT, "/api/v1/departments/LABOUR/offices/CIRCLE_HILSA", Map.of("name",
					"Labour office, Hilsa", "nameHi", "श्रम कार्यालय, हिलसा", "officer", Map.of("name", "LEO Hilsa")))
			.getStatusCode()
			.value()).isEqualTo(200);
	}

	@Test
	void aTakenCodeAnUnknownDepartmentAndBadContactsAreRefusedClearly() {
		RestClient dm = Http.local(this.port, TestTokens.token("dm.nalanda", "DM"));
		Map<String, Object> supply = Map.of("code", "SUPPLY", "name", "Supply", "nameHi", "आपूर्ति", "officer",
				OFFICER);

		assertThat(Http.json(dm, HttpMethod.POST, "/api/v1/departments", supply).getStatusCode().value())
			.isEqualTo(409);
		assertThat(Http.json(dm, HttpMethod.PUT, "/api/v1/departments/NOWHERE", supply).getStatusCode().value())
			.isEqualTo(422);
		assertThat(Http
			.json(dm, HttpMethod.PUT, "/api/v1/departments/NOWHERE",
					Map.of("name", "x", "nameHi", "x", "officer", OFFICER))
			.getStatusCode()
			.value()).isEqualTo(404);
		ResponseEntity<JsonNode> badMobile = Http.json(dm, HttpMethod.PUT, "/api/v1/departments/SUPPLY",
				Map.of("name", "Supply", "nameHi", "आपूर्ति", "officer", Map.of("name", "DSO", "mobile", "12345")));
		assertThat(badMobile.getStatusCode().value()).isEqualTo(400);
		assertThat(badMobile.getBody().toString()).contains("officer.mobile");
	}

	@Test
	void onlyTheDmChangesTheMasterDataAndAllStaffReadIt() {
		Map<String, Object> change = Map.of("name", "Revenue", "nameHi", "राजस्व", "officer", OFFICER);
		for (String token : java.util.List.of(TestTokens.officer("REVENUE"), TestTokens.token("desk", "RECEIPT_DESK"),
				TestTokens.token("auditor", "AUDITOR"))) {
			RestClient other = Http.local(this.port, token);
			assertThat(Http.json(other, HttpMethod.PUT, "/api/v1/departments/REVENUE", change).getStatusCode().value())
				.isEqualTo(403);
			assertThat(other.get()
				.uri("/api/v1/departments/REVENUE")
				.retrieve()
				.toEntity(JsonNode.class)
				.getStatusCode()
				.value()).isEqualTo(200);
		}
	}

}
