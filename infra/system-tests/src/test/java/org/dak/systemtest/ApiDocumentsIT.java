package org.dak.systemtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPatternParser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The contracts other software builds on, as the gateway serves them: the OpenAPI
 * document covers every route the gateway exposes and every row of the access table (and
 * nothing else), and passes Redocly's linter; the AsyncAPI document is valid and its
 * schemas match the golden samples of the topics; the browsable page shows the document
 * under the gateway's CSP.
 */
class ApiDocumentsIT {

	private static final Path ROOT = Path.of(System.getProperty("dak.root", "../..")).toAbsolutePath().normalize();

	/** The linters' pinned packages (package-lock.json) and their settings. */
	private static final Path CHECKS = ROOT.resolve("infra/system-tests/api-checks");

	private static final Path SAVED = Path.of("target", "api-docs").toAbsolutePath();

	/** Pages and their scripts: served through the gateway, but not API. */
	private static final Pattern PAGES = Pattern
		.compile("^/submit.*|^/staff/.*|^/desk.*|^/swagger-ui.*|.*\\.(js|css)$");

	private static final PathPatternParser PATTERNS = new PathPatternParser();

	@BeforeAll
	static void installTheLinters() {
		run(Duration.ofMinutes(5), "npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--prefer-offline");
	}

	@Test
	void theOpenApiDocumentCoversEveryRouteAndEveryRowOfTheAccessTableAndPassesTheLinter() throws IOException {
		JsonNode document = wholeDocument(new Gateway(RunningSystem.shared()));
		Files.createDirectories(SAVED);
		Files.writeString(SAVED.resolve("openapi.json"), document.toString());

		assertThat(document.get("openapi").asString()).isEqualTo("3.1.0");
		Set<String> operations = new TreeSet<>();
		Set<String> gatewaysOwn = new TreeSet<>();
		for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
			for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
				String call = operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
				operations.add(call);
				if (operation.getValue().path("tags").get(0).asString().equals("gateway")) {
					gatewaysOwn.add(call);
				}
				assertThat(operation.getValue().has("security")).as("%s says who may call it", call).isTrue();
			}
		}

		List<Route> routes = routes();
		for (String operation : operations) {
			assertThat(gatewaysOwn.contains(operation) || routes.stream().anyMatch((route) -> route.matches(operation)))
				.as("%s is an operation of the gateway or of one of its routes", operation)
				.isTrue();
		}
		for (Route route : routes) {
			for (String pattern : route.paths()) {
				if (PAGES.matcher(pattern).matches()) {
					continue;
				}
				assertThat(operations.stream()
					.anyMatch(
							(operation) -> new Route(route.id(), List.of(pattern), route.method()).matches(operation)))
					.as("route %s: %s %s is in the document", route.id(), route.method(), pattern)
					.isTrue();
			}
		}

		Set<String> documented = new TreeSet<>();
		operations.forEach((operation) -> documented.add(normalized(operation)));
		Set<String> tabled = new TreeSet<>();
		for (AccessMatrixIT.Row row : AccessMatrixIT.accessTable()) {
			String path = row.endpoint().substring(row.endpoint().indexOf(' ') + 1);
			if (!PAGES.matcher(path).matches() && !path.startsWith("/actuator/")) {
				tabled.add(normalized(row.endpoint()));
			}
		}
		assertThat(documented).as("the document's operations and the access table (docs/access.md)")
			.containsExactlyInAnyOrderElementsOf(tabled);

		Result lint = run(Duration.ofMinutes(2), "npx", "--no-install", "redocly", "lint", "--config",
				CHECKS.resolve("redocly.yaml").toString(), SAVED.resolve("openapi.json").toString());
		assertThat(lint.output()).as(lint.output()).contains("Your API description is valid");
	}

	@Test
	void theAsyncApiDocumentIsValidAndItsSchemasMatchTheGoldenSamples() throws IOException {
		Gateway gateway = new Gateway(RunningSystem.shared());
		String document = gateway.anonymous().get().uri("/api/v1/asyncapi.json").retrieve().body(String.class);
		Files.createDirectories(SAVED);
		Files.writeString(SAVED.resolve("asyncapi.json"), document);

		Result check = run(Duration.ofMinutes(2), "node", "asyncapi-check.mjs",
				SAVED.resolve("asyncapi.json").toString(),
				ROOT.resolve("contracts/src/test/resources/samples").toString());

		assertThat(check.output()).as(check.output()).contains("10 topics checked against their samples, 0 problems");
	}

	@Test
	void theBrowsablePageShowsEveryOperationUnderTheGatewaysCsp() {
		RunningSystem system = RunningSystem.shared();
		JsonNode document = wholeDocument(new Gateway(system));
		int operations = 0;
		for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
			operations += path.getValue().size();
		}
		// and what the webhook subscribers get
		for (Map.Entry<String, JsonNode> webhook : document.get("webhooks").properties()) {
			operations += webhook.getValue().size();
		}
		WebDriver browser = Browser.open(1200, 1600);
		try {
			browser.get(system.gatewayUrl() + "/swagger-ui.html");
			try {
				new WebDriverWait(browser, Duration.ofSeconds(30))
					.until((page) -> !page.findElements(By.cssSelector(".opblock")).isEmpty());
			}
			finally {
				Browser.screenshot(browser, "api-documents");
			}
			assertThat(browser.findElements(By.cssSelector(".opblock"))).hasSize(operations);
			assertThat(browser.findElement(By.cssSelector(".info .title")).getText())
				.contains("Dak Tracking System API");
		}
		finally {
			browser.quit();
		}
	}

	/**
	 * The document once every service has described itself (a service that has not
	 * answered yet since the start is named in {@code info.x-dak-missing}).
	 */
	private static JsonNode wholeDocument(Gateway gateway) {
		AtomicReference<JsonNode> document = new AtomicReference<>();
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			document.set(gateway.anonymous().get().uri("/api/v1/openapi.json").retrieve().body(JsonNode.class));
			assertThat(document.get().path("info").path("x-dak-missing").isMissingNode())
				.as("every service described itself: %s", document.get().path("info").path("x-dak-missing"))
				.isTrue();
		});
		return document.get();
	}

	/** {@code GET /api/v1/cases/{complaintId}} and {@code …/{receiptNumber}} alike. */
	private static String normalized(String operation) {
		return operation.replaceAll("\\{[^}]*}", "{}").replaceAll("^(\\S+ /open311/v2/.*)\\.(json|xml)$", "$1.{}");
	}

	/** A route of the gateway's configuration: its path patterns and method, if any. */
	private record Route(String id, List<String> paths, String method) {

		boolean matches(String operation) {
			String[] parts = operation.split(" ", 2);
			return (this.method == null || this.method.equals(parts[0])) && this.paths.stream()
				.anyMatch((pattern) -> PATTERNS.parse(pattern).matches(PathContainer.parsePath(parts[1])));
		}

	}

	/** The routes of the gateway's application.yml, as its Path and Method predicates. */
	private static List<Route> routes() throws IOException {
		String yaml = Files.readString(ROOT.resolve("gateway/src/main/resources/application.yml"));
		List<Route> routes = new ArrayList<>();
		Matcher route = Pattern.compile("(?m)^\\s+- id: (\\S+)\\n((?:\\s{14,}.*\\n)+)").matcher(yaml);
		while (route.find()) {
			Matcher path = Pattern.compile("- Path=(\\S+)").matcher(route.group(2));
			Matcher method = Pattern.compile("- Method=(\\S+)").matcher(route.group(2));
			assertThat(path.find()).as("route %s has a Path predicate", route.group(1)).isTrue();
			routes.add(new Route(route.group(1), List.of(path.group(1).split(",")),
					method.find() ? method.group(1) : null));
		}
		assertThat(routes).as("the gateway's routes").hasSizeGreaterThanOrEqualTo(6);
		return routes;
	}

	private record Result(int exit, String output) {
	}

	/** Runs one of the linters' commands in their folder; it must succeed. */
	private static Result run(Duration limit, String... command) {
		try {
			Process process = new ProcessBuilder(command).directory(CHECKS.toFile()).redirectErrorStream(true).start();
			process.getOutputStream().close();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)).as("%s finished", List.of(command))
				.isTrue();
			System.out.println(output);
			assertThat(process.exitValue()).as("%s:%n%s", List.of(command), output).isZero();
			return new Result(process.exitValue(), output);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not run " + List.of(command) + " (Node.js and npm are needed for "
					+ "the API documents' checks; .ci/run installs them)", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
