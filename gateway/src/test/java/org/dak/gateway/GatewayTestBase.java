package org.dak.gateway;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.github.tomakehurst.wiremock.WireMockServer;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.BeforeEach;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.ReactorClientHttpRequestFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * The gateway on a random port with its own MongoDB (embedded), a throw-away key pair, a
 * first administrator, WireMock standing in for intake and tracking, and nothing
 * listening where routing should be. Each test calls from its own client address (through
 * a trusted proxy header; the proxies are given as a range, as the Kubernetes overlay
 * does), so rate limits of one test do not reach another.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "DAK_ADMIN_PASSWORD=" + GatewayTestBase.ADMIN_PASSWORD,
				"dak.gateway.trusted-proxies=127.0.0.0/8,::1", "dak.gateway.rate-limits.window=10m",
				"dak.gateway.rate-limits.public-tracking=15", "dak.gateway.rate-limits.sign-in=40",
				"dak.gateway.max-request-size=10KB", "dak.gateway.idle-upload-timeout=2s",
				// each cached context stops its event loops at the end; without a quiet
				// period
				// they all stop within the few seconds the test JVM is given to exit
				"spring.reactor.netty.shutdown-quiet-period=0s",
				"dak.gateway.audit.journal=${java.io.tmpdir}/dak-gateway-test-audit-${random.uuid}" })
public abstract class GatewayTestBase {

	protected static final String ADMIN_PASSWORD = "admin-password-for-tests";

	/** The password of every account a test creates. */
	protected static final String PASSWORD = "correct-horse-battery-staple";

	/**
	 * Stands in for the services; one for the whole run, as the application context is.
	 */
	protected static final WireMockServer services = started(new WireMockServer(wireMockConfig().dynamicPort()));

	private static final MongoServer mongo = new MongoServer(new MemoryBackend());

	private static final InetSocketAddress mongoAddress = mongo.bind();

	@DynamicPropertySource
	static void environment(DynamicPropertyRegistry registry) {
		registry.add("spring.mongodb.uri", () -> "mongodb://127.0.0.1:" + mongoAddress.getPort());
		registry.add("DAK_JWT_PRIVATE_KEY", TestKeys.PRIVATE_KEY::toString);
		registry.add("DAK_JWT_PUBLIC_KEY", TestKeys.PUBLIC_KEY::toString);
		registry.add("INTAKE_SERVICE_URL", services::baseUrl);
		registry.add("TRACKING_SERVICE_URL", services::baseUrl);
		registry.add("NOTIFICATION_SERVICE_URL", services::baseUrl);
		registry.add("ROUTING_SERVICE_URL", GatewayTestBase::nobodyListening);
	}

	@LocalServerPort
	protected int port;

	protected String clientAddress;

	/** Gives the test a fresh client address (each test starts with one). */
	@BeforeEach
	protected void ownClientAddress() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		this.clientAddress = "10.%d.%d.%d".formatted(random.nextInt(256), random.nextInt(256), random.nextInt(1, 255));
	}

	/**
	 * An anonymous client. Each request on a connection of its own: Reactor Netty 1.3.x
	 * (up to 1.3.8, the newest served here) can stop reading a keep-alive connection when
	 * a request arrives before the previous one's processing has ended (reactor-netty
	 * #4361, fixed after 1.3.8), and a test's next request then waited for the client's
	 * read timeout (seen twice in the full build, never alone).
	 */
	protected RestClient http() {
		return RestClient.builder()
			.requestFactory(new ReactorClientHttpRequestFactory(HttpClient.newConnection()))
			.baseUrl("http://127.0.0.1:" + this.port)
			.defaultHeader("X-Forwarded-For", this.clientAddress)
			.defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
			})
			.build();
	}

	/** A client that sends the access token. */
	protected RestClient http(String accessToken) {
		return http().mutate().defaultHeader("Authorization", "Bearer " + accessToken).build();
	}

	protected ResponseEntity<JsonNode> signIn(String username, String password) {
		return http().post()
			.uri("/api/v1/auth/login")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("username", username, "password", password))
			.retrieve()
			.toEntity(JsonNode.class);
	}

	protected String accessToken(String username, String password) {
		return signIn(username, password).getBody().get("accessToken").asString();
	}

	protected String adminToken() {
		return accessToken("admin", ADMIN_PASSWORD);
	}

	/**
	 * Creates an account through the administrator's API and returns its access token.
	 */
	protected String account(String username, String role, Map<String, String> bindings) {
		Map<String, Object> body = new java.util.HashMap<>(bindings);
		body.put("username", username);
		body.put("password", PASSWORD);
		body.put("roles", java.util.List.of(role));
		http(adminToken()).post()
			.uri("/api/v1/admin/users")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.toBodilessEntity();
		return accessToken(username, PASSWORD);
	}

	protected static String unique(String prefix) {
		return prefix + "." + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
	}

	private static WireMockServer started(WireMockServer server) {
		server.start();
		// alive, as the routes' load balancer checks before it sends anything there
		server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/actuator/health/liveness")
			.willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson("{\"status\":\"UP\"}")));
		return server;
	}

	private static String nobodyListening() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return "http://127.0.0.1:" + socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
