package org.dak.systemtest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web pages in a real browser (headless Chromium, as Debian packages it) through the
 * gateway, with its security headers in force: a citizen files a complaint and opens the
 * tracking page the receipt links to; an officer opens the same link (the QR code) and
 * gets the full item once signed in. {@code .ci/run} installs Chromium, so this runs in
 * CI.
 */
class WebPagesIT {

	static WebDriver browser;

	static RunningSystem system;

	@BeforeAll
	static void openABrowser() {
		browser = Browser.open(900, 1200);
		system = RunningSystem.shared();
	}

	@AfterAll
	static void closeTheBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void aCitizenFilesAComplaintOnTheWebAndTracksIt() throws Exception {
		browser.get(system.gatewayUrl() + "/submit");
		// a citizen's browser holds no staff session (the tracking page would move on to
		// the staff page)
		((org.openqa.selenium.JavascriptExecutor) browser).executeScript("localStorage.removeItem('dak.staff')");
		assertThat(Browser.drawsDevanagariWith(browser, "Noto Sans Devanagari"))
			.as("the form's Hindi drawn with the served font")
			.isTrue();
		browser.findElement(By.name("name")).sendKeys("गीता कुमारी");
		browser.findElement(By.name("mobile")).sendKeys("9700011122");
		browser.findElement(By.name("subject")).sendKeys("आंगनबाड़ी केंद्र बंद है");
		browser.findElement(By.name("description")).sendKeys("वार्ड 7 का आंगनबाड़ी केंद्र एक महीने से बंद है।");
		browser.findElement(By.cssSelector("button[type=submit]")).click();

		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("receiptNumber")));
		String receiptNumber = browser.findElement(By.id("receiptNumber")).getText();
		assertThat(receiptNumber).matches("NAL-\\d{4}-\\d{6}-[0-9A-Z]");
		assertThat(browser.findElement(By.id("accessCode")).getText()).matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){3}");
		Path screenshots = Path.of("target", "screenshots");
		Files.createDirectories(screenshots);
		Files.write(screenshots.resolve("submitted.png"),
				((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

		String tracking = browser.findElement(By.id("tracking")).getAttribute("href");
		String trackingOnThisSystem = tracking.replaceFirst("^https?://[^/]+", system.gatewayUrl());
		new WebDriverWait(browser, Duration.ofSeconds(60)).pollingEvery(Duration.ofSeconds(2)).until((driver) -> {
			driver.get(trackingOnThisSystem);
			return driver.getPageSource().contains("प्राप्त");
		});
		assertThat(browser.getPageSource()).contains(receiptNumber, "आंगनबाड़ी केंद्र बंद है")
			.doesNotContain("9700011122");
		Files.write(screenshots.resolve("tracking.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
	}

	@Test
	void theApplicantGivesFeedbackOnceTheItemIsDisposedAndChoosesWhereMessagesGo() {
		Gateway gateway = new Gateway(system);
		RestClient dm = gateway.as(gateway.account("feedback.dm", "DM", Map.of()));
		RestClient supply = gateway
			.as(gateway.account("feedback.supply", "DEPARTMENT_OFFICER", Map.of("department", "SUPPLY")));
		JsonNode receipt = gateway.submitted(
				Map.of("name", "रीता सिन्हा", "mobile", "9700033344", "preferredLanguage", "hi"), "राशन कार्ड नहीं बना",
				"आवेदन के छह माह बाद भी राशन कार्ड नहीं बना।");
		String number = receipt.get("receiptNumber").asString();
		new WebDriverWait(browser, Duration.ofSeconds(60)).pollingEvery(Duration.ofSeconds(1))
			.until((driver) -> dm.post()
				.uri("/api/v1/inbox/" + number + "/marking")
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("departmentCode", "SUPPLY"))
				.retrieve()
				.toBodilessEntity()
				.getStatusCode()
				.value() == 200);
		new WebDriverWait(browser, Duration.ofSeconds(60)).pollingEvery(Duration.ofSeconds(1))
			.until((driver) -> supply.post()
				.uri("/api/v1/cases/" + number + "/status")
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("status", "DISPOSED", "note", "राशन कार्ड बन गया है"))
				.retrieve()
				.toBodilessEntity()
				.getStatusCode()
				.value() == 200);
		String tracking = receipt.get("trackingUrl").asString().replaceFirst("^https?://[^/]+", system.gatewayUrl());
		// the applicant's browser holds no staff session
		browser.get(system.gatewayUrl() + "/submit");
		((org.openqa.selenium.JavascriptExecutor) browser).executeScript("localStorage.removeItem('dak.staff')");

		new WebDriverWait(browser, Duration.ofSeconds(60)).pollingEvery(Duration.ofSeconds(2)).until((driver) -> {
			driver.get(tracking);
			return driver.getPageSource().contains("निष्पादित");
		});
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("feedback")));
		assertThat(Browser.controlsNotIn(browser, "body", "Noto Sans Devanagari"))
			.as("the feedback box and its buttons in the served font, not the PC's")
			.isEmpty();
		browser.findElement(By.cssSelector("#feedback input[value=false]")).click();
		browser.findElement(By.id("feedback-reason")).sendKeys("कार्ड में नाम की वर्तनी गलत है");
		browser.findElement(By.cssSelector("#feedback button[type=submit]")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("feedback-answer"), "Thank you"));

		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("preferences")));
		assertThat(browser.findElement(By.cssSelector("#preferences input[name=sms]")).isSelected()).isTrue();
		assertThat(browser.findElement(By.cssSelector("#preferences input[name=email]")).isEnabled())
			.as("no e-mail registered")
			.isFalse();
		browser.findElement(By.cssSelector("#preferences input[name=sms]")).click();
		browser.findElement(By.cssSelector("#preferences button[type=submit]")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("preferences-answer"), "Saved"));
		Browser.screenshot(browser, "tracking-feedback");
		browser.navigate().refresh();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("preferences")));
		assertThat(browser.findElement(By.cssSelector("#preferences input[name=sms]")).isSelected())
			.as("the choice is kept")
			.isFalse();
	}

	@Test
	void anOfficerOpeningTheQrLinkSignsInOnceAndThenSeesTheFullItemOfTheirDepartmentOnly() throws Exception {
		Gateway gateway = new Gateway(system);
		gateway.account("qr.supply", "DEPARTMENT_OFFICER", Map.of("department", "SUPPLY"));
		gateway.account("qr.police", "DEPARTMENT_OFFICER", Map.of("department", "POLICE"));
		RestClient dm = gateway.as(gateway.account("qr.dm", "DM", Map.of()));
		JsonNode receipt = gateway.anonymous()
			.post()
			.uri("/api/v1/complaints")
			.contentType(MediaType.APPLICATION_JSON)
			.body(AccessMatrixIT.complaint("WEB"))
			.retrieve()
			.body(JsonNode.class);
		String receiptNumber = receipt.get("receiptNumber").asString();
		new WebDriverWait(browser, Duration.ofSeconds(60)).pollingEvery(Duration.ofSeconds(1))
			.until((driver) -> dm.post()
				.uri("/api/v1/inbox/" + receiptNumber + "/marking")
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("departmentCode", "SUPPLY", "instructions", "पेंशन भुगतान की जाँच करें"))
				.retrieve()
				.toBodilessEntity()
				.getStatusCode()
				.value() == 200);
		String qrLink = receipt.get("trackingUrl").asString().replaceFirst("^https?://[^/]+", system.gatewayUrl());
		new WebDriverWait(browser, Duration.ofSeconds(60)).pollingEvery(Duration.ofSeconds(2)).until((driver) -> {
			driver.get(qrLink);
			return driver.getPageSource().contains("विभाग को चिह्नित");
		});

		browser.findElement(By.cssSelector("a[data-staff-item]")).click();
		signIn("qr.supply");
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("item")));
		assertThat(browser.findElement(By.id("receipt")).getText()).isEqualTo(receiptNumber);
		assertThat(browser.findElement(By.id("status-hi")).getText()).isEqualTo("विभाग को चिह्नित");
		assertThat(browser.findElement(By.id("timeline")).getText()).as("the DM's instructions, staff only")
			.contains("पेंशन भुगतान की जाँच करें");
		Path screenshots = Path.of("target", "screenshots");
		Files.createDirectories(screenshots);
		Files.write(screenshots.resolve("officer-item.png"),
				((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

		browser.get(qrLink);
		wait.until(ExpectedConditions.urlContains("/staff/item"));
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("item")));

		browser.findElement(By.id("sign-out")).click();
		signIn("qr.police");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("message")));
		assertThat(browser.findElement(By.id("message")).getText()).contains("not marked to your department");
		assertThat(browser.findElement(By.id("item")).isDisplayed()).isFalse();
		browser.findElement(By.id("sign-out")).click();
	}

	private static void signIn(String username) {
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username-input")));
		browser.findElement(By.id("username-input")).sendKeys(username);
		browser.findElement(By.id("password-input")).sendKeys(Gateway.PASSWORD);
		browser.findElement(By.cssSelector("#sign-in button[type=submit]")).click();
	}

}
