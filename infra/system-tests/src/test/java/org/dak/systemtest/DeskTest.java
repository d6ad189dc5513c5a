package org.dak.systemtest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the desks' browser tests share: a headless Chromium for the class, the system
 * tests' system, and signing in at {@code /desk/} in a chosen language.
 */
abstract class DeskTest {

	static WebDriver browser;

	static RunningSystem system;

	static Gateway gateway;

	@BeforeAll
	static void openABrowser() {
		browser = Browser.open(1100, 1500);
		system = RunningSystem.shared();
		gateway = new Gateway(system);
	}

	@AfterAll
	static void closeTheBrowser() {
		if (browser != null) {
			browser.quit();
			browser = null;
		}
	}

	/** The text a page shows in {@code language} ("hi" or "en"). */
	static String in(String language, String hindi, String english) {
		return language.equals("hi") ? hindi : english;
	}

	/** Opens the sign-in page in {@code language}, with no session, and signs in. */
	static void signIn(String username, String language) {
		browser.get(system.gatewayUrl() + "/desk/");
		((JavascriptExecutor) browser)
			.executeScript("sessionStorage.clear(); localStorage.setItem('dak.lang', arguments[0]);", language);
		browser.navigate().refresh();
		new WebDriverWait(browser, Duration.ofSeconds(20))
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")))
			.sendKeys(username);
		assertThat(browser.findElement(By.cssSelector("#sign-in h2")).getText())
			.isEqualTo(in(language, "साइन इन करें", "Sign in"));
		browser.findElement(By.id("password")).sendKeys(Gateway.PASSWORD);
		browser.findElement(By.cssSelector("#sign-in button[type=submit]")).click();
	}

	/** Records a step on the department desk's open item and waits for "recorded". */
	static void step(WebDriverWait wait, String what, String note, Path evidence) {
		if (what != null) {
			new Select(browser.findElement(By.id("a-what"))).selectByValue(what);
		}
		if (note != null) {
			browser.findElement(By.id("a-note")).sendKeys(note);
		}
		if (evidence != null) {
			browser.findElement(By.id("a-evidence")).sendKeys(evidence.toString());
		}
		browser.findElement(By.id("act-submit")).click();
		wait.until(ExpectedConditions.attributeContains(By.id("act-problem"), "class", "ok"));
		// the next step waits for this one's message to go
		((JavascriptExecutor) browser).executeScript("document.getElementById('act-problem').className = ''");
	}

	static String timeline(WebDriverWait wait, String text) {
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("case-timeline"), text));
		return browser.findElement(By.id("case-timeline")).getText();
	}

	/** The DM adds (or renames) an office below the Supply department. */
	static void supplyOffice(RestClient dm, String code, String name, String nameHi) {
		dm.put()
			.uri("/api/v1/departments/SUPPLY/offices/" + code)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", name, "nameHi", nameHi, "officer", Map.of("name", "Block Supply Officer")))
			.retrieve()
			.toBodilessEntity();
	}

}
