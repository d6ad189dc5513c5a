package org.dak.gateway.apidocs;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class SystemApiDocumentTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String TRACKING = """
			{"paths": {
			  "/api/v1/cases/{complaintId}": {"get": {"operationId": "item", "responses": {"200": {"description": "OK",
			    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Department"}}}}}}},
			  "/api/v1/public/track/{receiptNumber}": {"get": {"operationId": "track", "responses": {}}},
			  "/internal/rebuild": {"post": {"operationId": "rebuild", "responses": {}}},
			  "/staff/staff.js": {"get": {"operationId": "script", "responses": {}}}},
			 "components": {"schemas": {"Department": {"type": "object", "properties": {"code": {"type": "string"}}}}}}
			""";

	private static final String ROUTING = """
			{"paths": {
			  "/api/v1/departments/{code}": {"get": {"operationId": "item", "responses": {"200": {"description": "OK",
			    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Department"}}}}}}}},
			 "components": {"schemas": {"Department": {"type": "object", "properties": {"name": {"type": "string"}}}}}}
			""";

	@Test
	void anOperationTheGatewayWouldRefuseOrAPagesScriptIsLeftOut() {
		JsonNode document = new SystemApiDocument("1").add("tracking", JSON.readTree(TRACKING)).toJson();

		assertThat(document.get("paths").propertyNames()).containsExactlyInAnyOrder("/api/v1/cases/{complaintId}",
				"/api/v1/public/track/{receiptNumber}");
	}

	@Test
	void eachOperationSaysWhoMayCallItAsTheGatewaysAccessTableDoes() {
		JsonNode document = new SystemApiDocument("1").add("tracking", JSON.readTree(TRACKING)).toJson();

		JsonNode item = document.at("/paths/~1api~1v1~1cases~1{complaintId}/get");
		JsonNode track = document.at("/paths/~1api~1v1~1public~1track~1{receiptNumber}/get");
		assertThat(item.get("x-dak-access").toString()).isEqualTo("[\"DM\",\"DEPARTMENT_OFFICER\"]");
		assertThat(item.get("security").toString()).isEqualTo("[{\"bearer\":[]}]");
		assertThat(item.get("responses").get("403").get("$ref").asString())
			.isEqualTo("#/components/responses/Forbidden");
		assertThat(track.get("x-dak-access").asString()).isEqualTo("public");
		assertThat(track.get("security").toString()).isEqualTo("[{}]");
		assertThat(track.get("responses").has("401")).isFalse();
		assertThat(track.get("responses").has("429")).isTrue();
	}

	@Test
	void twoServicesSchemasOfOneNameAreKeptApartAndTheirOperationIdsMadeUnique() {
		JsonNode document = new SystemApiDocument("1").add("tracking", JSON.readTree(TRACKING))
			.add("routing", JSON.readTree(ROUTING))
			.toJson();

		JsonNode department = document.at("/paths/~1api~1v1~1departments~1{code}/get");
		assertThat(department.get("operationId").asString()).isEqualTo("routingItem");
		assertThat(department.at("/responses/200/content/application~1json/schema/$ref").asString())
			.isEqualTo("#/components/schemas/RoutingDepartment");
		assertThat(document.at("/components/schemas/RoutingDepartment/properties").has("name")).isTrue();
		assertThat(document.at("/components/schemas/Department/properties").has("code")).isTrue();
		assertThat(document.at("/paths/~1api~1v1~1cases~1{complaintId}/get/operationId").asString()).isEqualTo("item");
	}

	@Test
	void aServiceThatNeverAnsweredIsNamed() {
		JsonNode document = new SystemApiDocument("1").missing("notification").toJson();

		assertThat(document.at("/info/x-dak-missing").toString()).isEqualTo("[\"notification\"]");
	}

}
