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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page a person uses, in Hindi and in English, checked in the browser against the
 * WCAG 2.1 A and AA rules axe-core can test (labels, names, contrast, language,
 * landmarks, ARIA): a clerk who works by keyboard or with a screen reader, or at a dim
 * office screen, can use each of them. The DM's and the department's desks are checked
 * also as they are used, filled with items, one of them open, and the department's action
 * form asking for an office and for evidence.
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
		// desks as a clerk sees them: items waiting in the DM's inbox, several in the
		// department's queue
		RestClient dm = gateway.as(gateway.account("a11y.filler", "DM", Map.of()));
		for (int i = 1; i <= 4; i++) {
			String number = gateway
				.submitted(Map.of("name", "भरी मेज़ " + i, "mobile", "91234000" + (80 + i)), "हैंडपंप खराब " + i,
						"गाँव का हैंडपंप " + i + " सप्ताह से खराब है।")
				.get("receiptNumber")
				.asString();
			if (i % 2 == 0) {
				Gateway.markWhenInInbox(dm, number, "SUPPLY");
			}
		}
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
			if (desk.getKey().equals("DM")) {
				problems.addAll(dmWithAnItemOpen());
			}
			if (desk.getKey().equals("DEPARTMENT_OFFICER")) {
				problems.addAll(departmentWithAnItemOpen());
			}
		}

		browser.get(system.gatewayUrl() + "/submit?lang=" + language);
		problems.addAll(check("citizen's form", By.cssSelector("form")));
		browser.get(system.gatewayUrl() + "/track/" + receiptNumber + "?code=" + accessCode + "&lang=" + language);
		problems.addAll(check("tracking page", By.tagName("h1")));

		assertThat(problems).as("WCAG 2.1 AA problems axe-core finds").isEmpty();
	}

	/**
	 * The DM's inbox filled with items, one of them opened with its timeline and
	 * messages, another chosen for marking: what the desk shows most of the day.
	 */
	private static List<String> dmWithAnItemOpen() {
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
		wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#inbox-list tbody tr"), 1));
		browser.findElement(By.cssSelector("#inbox-list tbody input[type=checkbox]")).click();
		browser.findElement(By.cssSelector("#inbox-list tbody button")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("item-timeline")));
		List<String> problems = new ArrayList<>(check("dm, inbox filled, an item open", By.id("item-number")));
		Browser.screenshot(browser, "dm-desk-item-open-" + language());
		problems.addAll(seenAsItShouldBe("dm, an item open"));
		return problems;
	}

	/**
	 * The department's queue filled, an item opened from it, and the action form asking
	 * for an office (forwarding) and then for evidence files (action taken).
	 */
	private static List<String> departmentWithAnItemOpen() {
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
		wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#queue-list tbody tr"), 1));
		browser.findElement(By.cssSelector("#queue-list tbody button")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("act")));
		new Select(browser.findElement(By.id("a-what"))).selectByValue("step:FORWARD");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("a-office-field")));
		List<String> problems = new ArrayList<>(
				check("department, queue filled, an item open, forwarding", By.id("a-office")));
		new Select(browser.findElement(By.id("a-what"))).selectByValue("step:ACTION_TAKEN");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("a-evidence-field")));
		problems.addAll(check("department, action taken with evidence", By.id("a-evidence")));
		Browser.screenshot(browser, "department-desk-item-open-" + language());
		problems.addAll(seenAsItShouldBe("department, an item open"));
		return problems;
	}

	private static String language() {
		return String.valueOf(((JavascriptExecutor) browser).executeScript("return document.documentElement.lang"));
	}

	/**
	 * What axe cannot judge: the header holds its content, and every control is drawn in
	 * the served font (no Devanagari falls back to boxes).
	 */
	private static List<String> seenAsItShouldBe(String page) {
		List<String> problems = new ArrayList<>();
		if (!Browser.headerFits(browser)) {
			problems.add(page + ": the header bar cuts off its content");
		}
		Browser.controlsNotIn(browser, "main", "Dak Devanagari")
			.forEach((control) -> problems.add(page + ": not in the served font: " + control));
		return problems;
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
