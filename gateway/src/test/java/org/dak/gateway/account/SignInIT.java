package org.dak.gateway.account;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import org.dak.gateway.GatewayTestBase;
import org.dak.gateway.audit.AuditTrail;
import org.dak.gateway.security.TokenIssuer;
import org.dak.platform.Problem;
import org.dak.platform.Refusal;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignInIT extends GatewayTestBase {

	@Autowired
	ReactiveMongoTemplate mongo;

	@Autowired
	Accounts accounts;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	TokenIssuer tokens;

	@Autowired
	AccountProperties properties;

	@Autowired
	AuditTrail audit;

	@Value("${spring.mongodb.uri}")
	String mongoUri;

	@Test
	void anOfficerSignsInAndGetsATokenNamingRoleAndDepartment() {
		String username = unique("officer");
		account(username, "DEPARTMENT_OFFICER", Map.of("department", "SUPPLY"));

		ResponseEntity<JsonNode> response = signIn(username, PASSWORD);

		assertThat(response.getStatusCode().value()).isEqualTo(200);
		assertThat(response.getHeaders().getCacheControl()).contains("no-store");
		JsonNode body = response.getBody();
		assertThat(body.get("tokenType").asString()).isEqualTo("Bearer");
		assertThat(body.get("expiresIn").asLong()).isEqualTo(900);
		assertThat(body.get("refreshToken").asString()).startsWith("dakr_");
		JsonNode claims = claims(body.get("accessToken").asString());
		assertThat(claims.get("sub").asString()).isEqualTo(username);
		assertThat(claims.get("roles").get(0).asString()).isEqualTo("DEPARTMENT_OFFICER");
		assertThat(claims.get("department").asString()).isEqualTo("SUPPLY");
		assertThat(claims.get("aud").toString()).contains("dak");
	}

	@Test
	void aWrongPasswordAndAnUnknownUserAnswerAlike() {
		String username = unique("desk");
		account(username, "RECEIPT_DESK", Map.of());

		ResponseEntity<JsonNode> wrongPassword = signIn(username, "not-the-password");
		ResponseEntity<JsonNode> unknownUser = signIn(unique("nobody"), "not-the-password");

		assertThat(wrongPassword.getStatusCode().value()).isEqualTo(401);
		assertThat(unknownUser.getStatusCode().value()).isEqualTo(401);
		assertThat(wrongPassword.getBody().get("detail")).isEqualTo(unknownUser.getBody().get("detail"));
		assertThat(wrongPassword.getBody().get("type")).isEqualTo(unknownUser.getBody().get("type"));
	}

	@Test
	void aStrangersGuessesMakeOnlyTheirOwnAddressWaitAndNeverLockTheDmOut() {
		String username = unique("dm");
		account(username, "DM", Map.of());
		for (int i = 0; i < 5; i++) {
			assertThat(signIn(username, "guess-" + i).getStatusCode().value()).isEqualTo(401);
		}

		ResponseEntity<JsonNode> fromTheStranger = signIn(username, PASSWORD);
		ownClientAddress();
		ResponseEntity<JsonNode> fromTheDmsDesk = signIn(username, PASSWORD);

		assertThat(fromTheStranger.getStatusCode().value()).isEqualTo(429);
		assertThat(fromTheStranger.getBody().get("type").asString()).isEqualTo("/problems/too-many-attempts");
		assertThat(Integer.parseInt(fromTheStranger.getHeaders().getFirst("Retry-After"))).isBetween(1, 30);
		assertThat(fromTheDmsDesk.getStatusCode().value()).as("the right password from an address that did not fail")
			.isEqualTo(200);
	}

	@Test
	void aNameThatMustWaitAnswersAsAnUnknownNameDoes() {
		String username = unique("desk");
		account(username, "RECEIPT_DESK", Map.of());
		String nobody = unique("nobody");
		for (int i = 0; i < 5; i++) {
			signIn(username, "guess-" + i);
			signIn(nobody, "guess-" + i);
		}

		ResponseEntity<JsonNode> real = signIn(username, "guess-5");
		ResponseEntity<JsonNode> unknown = signIn(nobody, "guess-5");

		assertThat(real.getStatusCode().value()).isEqualTo(429);
		assertThat(unknown.getStatusCode().value()).isEqualTo(429);
		assertThat(real.getBody().get("type")).isEqualTo(unknown.getBody().get("type"));
		assertThat(real.getBody().get("title")).isEqualTo(unknown.getBody().get("title"));
		assertThat(real.getHeaders().getFirst("Retry-After")).isEqualTo(unknown.getHeaders().getFirst("Retry-After"));
	}

	@Test
	void failedSignInsAtTwoGatewaysAtOnceAllCount() {
		String username = unique("clerk");
		account(username, "RECEIPT_DESK", Map.of());
		MongoClient secondConnection = MongoClients.create(this.mongoUri);
		try {
			List<Accounts> gateways = List.of(this.accounts,
					new Accounts(
							new ReactiveMongoTemplate(secondConnection,
									this.mongo.getMongoDatabase().block().getName()),
							this.passwords, this.tokens, this.properties, this.audit));

			List<Integer> answers = Flux.range(0, 12)
				.flatMap((i) -> gateways.get(i % 2)
					.signIn(username, "guess-" + i, this.clientAddress, "request-" + i)
					.map((signedIn) -> 200)
					.onErrorResume((ex) -> Mono.just((ex instanceof Refusal refusal) ? Problem.statusOf(refusal).value()
							: ((Problem) ex).getStatusCode().value())))
				.collectList()
				.block(Duration.ofMinutes(1));

			// each answer is a counted failure or a wait; a lost race is read again, not
			// lost
			assertThat(answers).hasSize(12).isSubsetOf(401, 429);
			long counted = answers.stream().filter((status) -> status == 401).count();
			assertThat(counted).isGreaterThanOrEqualTo(5);
			Account stored = this.mongo.findById(username, Account.class).block();
			assertThat(stored.failedSignIns()).isEqualTo(counted);
			assertThat(signIn(username, PASSWORD).getStatusCode().value()).isEqualTo(429);
		}
		finally {
			secondConnection.close();
		}
	}

	@Test
	void guessingTheCurrentPasswordInAPasswordChangeIsSlowedDownAlike() {
		String username = unique("desk");
		String token = account(username, "RECEIPT_DESK", Map.of());
		for (int i = 0; i < 5; i++) {
			assertThat(changePassword(token, "guess-" + i, "a-long-new-password").getStatusCode().value())
				.isEqualTo(422);
		}

		ResponseEntity<JsonNode> waiting = changePassword(token, PASSWORD, "a-long-new-password");

		assertThat(waiting.getStatusCode().value()).isEqualTo(429);
		assertThat(waiting.getBody().get("type").asString()).isEqualTo("/problems/too-many-attempts");
	}

	@Test
	void withoutAnAdministratorPasswordTheFirstIsMadeShownOnceAndMustBeChangedBeforeAnythingElse() {
		MongoClient client = MongoClients.create(this.mongoUri);
		try {
			ReactiveMongoTemplate fresh = new ReactiveMongoTemplate(client,
					"first-start-" + unique("db").replace('.', '-'));
			AccountProperties noPassword = new AccountProperties("admin", null, false, null,
					this.properties.refreshTokenTtl(), 5, Duration.ofSeconds(30), Duration.ofHours(1),
					this.properties.passwordHashCost());
			Accounts gateway = new Accounts(fresh, this.passwords, this.tokens, noPassword, this.audit);

			java.util.Optional<String> shown = AccountConfiguration.firstAdministrator(fresh, this.passwords,
					noPassword);
			java.util.Optional<String> atASecondGateway = AccountConfiguration.firstAdministrator(fresh, this.passwords,
					noPassword);
			Accounts.Tokens first = gateway.signIn("admin", shown.orElseThrow(), "10.9.9.9", null).block();
			int withThatToken = http(first.accessToken()).get()
				.uri("/api/v1/admin/users")
				.retrieve()
				.toBodilessEntity()
				.getStatusCode()
				.value();
			gateway.changePassword("admin", shown.get(), "a-password-of-my-own", "10.9.9.9").block();
			Accounts.Tokens after = gateway.signIn("admin", "a-password-of-my-own", "10.9.9.9", null).block();

			assertThat(shown.get()).hasSize(24).isNotEqualTo("change-me-at-first-sign-in");
			assertThat(atASecondGateway).as("shown once, by the gateway that made it").isEmpty();
			assertThat(first.passwordChangeRequired()).isTrue();
			assertThat(first.roles()).isEmpty();
			assertThat(withThatToken).as("nothing but the change before it").isEqualTo(403);
			assertThat(after.passwordChangeRequired()).isFalse();
			assertThat(after.roles()).containsExactly("ADMIN");
		}
		finally {
			client.close();
		}
	}

	@Test
	void aRefreshTokenWorksOnceAndItsReuseRevokesTheAccountsTokens() {
		String username = unique("auditor");
		account(username, "AUDITOR", Map.of());
		String first = signIn(username, PASSWORD).getBody().get("refreshToken").asString();

		ResponseEntity<JsonNode> refreshed = refresh(first);
		ResponseEntity<JsonNode> reused = refresh(first);
		ResponseEntity<JsonNode> afterReuse = refresh(refreshed.getBody().get("refreshToken").asString());

		assertThat(refreshed.getStatusCode().value()).isEqualTo(200);
		assertThat(refreshed.getBody().get("accessToken").asString()).isNotBlank();
		assertThat(reused.getStatusCode().value()).isEqualTo(401);
		assertThat(afterReuse.getStatusCode().value()).isEqualTo(401);
	}

	@Test
	void signingOutEndsEveryRefreshToken() {
		String username = unique("desk");
		account(username, "RECEIPT_DESK", Map.of());
		JsonNode tokens = signIn(username, PASSWORD).getBody();

		ResponseEntity<Void> out = http(tokens.get("accessToken").asString()).post()
			.uri("/api/v1/auth/logout")
			.retrieve()
			.toBodilessEntity();

		assertThat(out.getStatusCode().value()).isEqualTo(204);
		assertThat(refresh(tokens.get("refreshToken").asString()).getStatusCode().value()).isEqualTo(401);
	}

	@Test
	void aPasswordChangeNeedsTheCurrentOneAndAStrongNewOne() {
		String username = unique("desk");
		String token = account(username, "RECEIPT_DESK", Map.of());

		assertThat(changePassword(token, "wrong-current-pw", "a-long-new-password").getStatusCode().value())
			.isEqualTo(422);
		assertThat(changePassword(token, PASSWORD, "short").getStatusCode().value()).isEqualTo(422);
		assertThat(changePassword(token, PASSWORD, "a-long-new-password").getStatusCode().value()).isEqualTo(204);
		assertThat(signIn(username, "a-long-new-password").getStatusCode().value()).isEqualTo(200);
		assertThat(signIn(username, PASSWORD).getStatusCode().value()).isEqualTo(401);
	}

	@Test
	void aPasswordLongerThanBcryptReadsIsRefusedNamingTheLimit() {
		String username = unique("desk");
		String token = account(username, "RECEIPT_DESK", Map.of());
		String emoji = "🙂".repeat(50);
		String hundredBytes = "x".repeat(100);

		ResponseEntity<JsonNode> created = create(
				Map.of("username", unique("long"), "password", emoji, "roles", List.of("RECEIPT_DESK")));
		ResponseEntity<JsonNode> changed = changePassword(token, PASSWORD, hundredBytes);
		ResponseEntity<JsonNode> reset = http(adminToken()).post()
			.uri("/api/v1/admin/users/" + username + "/password")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("newPassword", hundredBytes))
			.retrieve()
			.toEntity(JsonNode.class);

		for (ResponseEntity<JsonNode> answer : List.of(created, changed, reset)) {
			assertThat(answer.getStatusCode().value()).isEqualTo(400);
			assertThat(answer.getBody().get("detail").asString()).contains("72 bytes");
		}
		assertThat(created.getBody().get("errors").findValuesAsString("field")).containsExactly("password");
		assertThat(changed.getBody().get("errors").findValuesAsString("field")).containsExactly("newPassword");
		assertThat(signIn(username, PASSWORD).getStatusCode().value()).as("the old password still works")
			.isEqualTo(200);
	}

	@Test
	void aSignInThatReadTheAccountBeforeItWasDisabledCannotEnableItAgain() {
		String username = unique("desk");
		account(username, "RECEIPT_DESK", Map.of());
		Account readBySignIn = this.mongo.findById(username, Account.class).block();

		http(adminToken()).put()
			.uri("/api/v1/admin/users/" + username)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("roles", List.of("RECEIPT_DESK"), "enabled", false))
			.retrieve()
			.toBodilessEntity();

		assertThatThrownBy(() -> this.mongo.save(readBySignIn.withSignInSuccess()).block())
			.isInstanceOf(org.springframework.dao.OptimisticLockingFailureException.class);
		assertThat(this.mongo.findById(username, Account.class).block().enabled()).isFalse();
		assertThat(signIn(username, PASSWORD).getStatusCode().value()).isEqualTo(401);
	}

	@Test
	void onlyTheAdministratorManagesAccountsAndNeverSeesPasswordHashes() {
		String dm = account(unique("dm"), "DM", Map.of());

		ResponseEntity<JsonNode> asDm = http(dm).get().uri("/api/v1/admin/users").retrieve().toEntity(JsonNode.class);
		ResponseEntity<JsonNode> asAdmin = http(adminToken()).get()
			.uri("/api/v1/admin/users")
			.retrieve()
			.toEntity(JsonNode.class);

		assertThat(asDm.getStatusCode().value()).isEqualTo(403);
		assertThat(asAdmin.getStatusCode().value()).isEqualTo(200);
		assertThat(asAdmin.getBody().toString()).doesNotContain("passwordHash").doesNotContain("$2a$");
	}

	@Test
	void anOfficerWithoutDepartmentOrAnUnknownRoleIsRefused() {
		ResponseEntity<JsonNode> noDepartment = create(Map.of("username", unique("officer"), "password",
				"long-enough-password", "roles", List.of("DEPARTMENT_OFFICER")));
		ResponseEntity<JsonNode> unknownRole = create(
				Map.of("username", unique("king"), "password", "long-enough-password", "roles", List.of("KING")));

		assertThat(noDepartment.getStatusCode().value()).isEqualTo(422);
		assertThat(unknownRole.getStatusCode().value()).isEqualTo(422);
	}

	@Test
	void aDisabledAccountCannotSignIn() {
		String username = unique("desk");
		account(username, "RECEIPT_DESK", Map.of());

		ResponseEntity<JsonNode> disabled = http(adminToken()).put()
			.uri("/api/v1/admin/users/" + username)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("roles", List.of("RECEIPT_DESK"), "enabled", false))
			.retrieve()
			.toEntity(JsonNode.class);

		assertThat(disabled.getStatusCode().value()).isEqualTo(200);
		assertThat(signIn(username, PASSWORD).getStatusCode().value()).isEqualTo(401);
	}

	private ResponseEntity<JsonNode> create(Map<String, Object> account) {
		return http(adminToken()).post()
			.uri("/api/v1/admin/users")
			.contentType(MediaType.APPLICATION_JSON)
			.body(account)
			.retrieve()
			.toEntity(JsonNode.class);
	}

	private ResponseEntity<JsonNode> refresh(String refreshToken) {
		return http().post()
			.uri("/api/v1/auth/refresh")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("refreshToken", refreshToken))
			.retrieve()
			.toEntity(JsonNode.class);
	}

	private ResponseEntity<JsonNode> changePassword(String token, String current, String next) {
		return http(token).post()
			.uri("/api/v1/auth/password")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("currentPassword", current, "newPassword", next))
			.retrieve()
			.toEntity(JsonNode.class);
	}

	private static JsonNode claims(String token) {
		return JsonMapper.builder().build().readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
	}

}
