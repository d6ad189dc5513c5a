package org.dak.systemtest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page a person uses, in Hindi and in English, checked in the browser against the
 * WCAG 2.1 A and AA rules axe-core can test (labels, names, contrast, language,
 * landmarks, ARIA): a clerk who works by keyboard or with a screen reader, or at a dim
 * office screen, can use each of them.
 */
class AccessibilityIT extends DeskTest {

	private static final List<String> RULES = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

	private static String axe;

	private static String receiptNumber;

	private static String accessCode;

	@BeforeAll
	static void anItemToLookAt() {
		try (InputStream in = AccessibilityIT.class.getResourceAsStream("/axe.min.js")) {
			axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		JsonNode receipt = gateway.submitted(Map.of("name", "सुलभता परीक्षण", "mobile", "9123400077"), "नाली जाम",
				"मोहल्ले की नाली एक सप्ताह से जाम है।");
		receiptNumber = receipt.get("receiptNumber").asString();
		accessCode = receipt.get("accessCode").asString();
	}

	@ParameterizedTest
	@ValueSource(strings = { "hi", "en" })
	void everyDeskAndCitizenPageMeetsWcagAa(String language) {
		List<String> problems = new ArrayList<>();
		RestClient dm = gateway.as(gateway.account("a11y.dm." + language, "DM", Map.of()));
		Gateway.markWhenInInbox(dm, receiptNumber, "SUPPLY");

		browser.get(system.gatewayUrl() + "/desk/");
		((JavascriptExecutor) browser)
			.executeScript("sessionStorage.clear(); localStorage.setItem('dak.lang', arguments[0]);", language);
		browser.navigate().refresh();
		problems.addAll(check("sign-in", By.id("username")));
		// the checker itself: a field with no label on the same page is found
		((JavascriptExecutor) browser)
			.executeScript("document.getElementById('main').appendChild(document.createElement('input'));");
		assertThat(check("sign-in with an unlabelled field", By.id("username")))
			.anyMatch((found) -> found.startsWith("sign-in with an unlabelled field: label (critical)"));

		for (Map.Entry<String, String> desk : Map
			.of("RECEIPT_DESK", "receipt", "DM", "dm", "DEPARTMENT_OFFICER", "department", "ADMIN", "admin", "AUDITOR",
					"health")
			.entrySet()) {
			String username = "a11y." + desk.getValue() + "." + language;
			gateway.account(username, desk.getKey(),
					desk.getKey().equals("DEPARTMENT_OFFICER") ? Map.of("department", "SUPPLY") : Map.of());
			signIn(username, language);
			String page = "/desk/" + desk.getValue() + ".html";
			// one desk opens at once; an administrator, with two, chooses from a list
			new WebDriverWait(browser, Duration.ofSeconds(30))
				.until(ExpectedConditions.or(ExpectedConditions.urlContains(page),
						ExpectedConditions.visibilityOfElementLocated(By.id("desk-links"))));
			if (!browser.getCurrentUrl().contains(page)) {
				browser.get(system.gatewayUrl() + page);
			}
			problems.addAll(check(desk.getValue(), By.cssSelector("#main h2")));
		}

		browser.get(system.gatewayUrl() + "/submit?lang=" + language);
		problems.addAll(check("citizen's form", By.cssSelector("form")));
		browser.get(system.gatewayUrl() + "/track/" + receiptNumber + "?code=" + accessCode + "&lang=" + language);
		problems.addAll(check("tracking page", By.tagName("h1")));

		assertThat(problems).as("WCAG 2.1 AA problems axe-core finds").isEmpty();
	}

	/** Waits for the page's content, lets it settle, and runs the WCAG rules on it. */
	private static List<String> check(String page, By content) {
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
		wait.withMessage(() -> page + " shows no " + content + " at " + browser.getCurrentUrl());
		wait.until(ExpectedConditions.visibilityOfElementLocated(content));
		wait.until((driver) -> ((JavascriptExecutor) driver)
			.executeAsyncScript("const done = arguments[arguments.length - 1];"
					+ " document.fonts.ready.then(() => setTimeout(() => done(document.readyState), 500));")
			.equals("complete"));
		JavascriptExecutor script = (JavascriptExecutor) browser;
		script.executeScript(axe);
		Object found = script.executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				axe.run(document, { runOnly: { type: 'tag', values: arguments[0] } })
				  .then((result) => done(result.violations.flatMap((rule) => rule.nodes.slice(0, 3).map((node) =>
				      rule.id + ' (' + rule.impact + ') at ' + node.target.join(' ') + ': '
				        + node.failureSummary.replace(/\\s+/g, ' ')))))
				  .catch((error) => done(['axe failed: ' + error]));
				""", RULES);
		List<String> problems = new ArrayList<>();
		if (found instanceof List<?> list) {
			list.forEach((problem) -> problems.add(page + ": " + problem));
		}
		return problems;
	}

}
