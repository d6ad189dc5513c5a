package org.dak.systemtest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A citizen files a complaint in a real browser (headless Chromium, as Debian packages
 * it) through the gateway, with its security headers in force, and opens the tracking
 * page the receipt links to. {@code .ci/run} installs Chromium, so this runs in CI.
 */
class CitizenWebFormIT {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	static WebDriver browser;

	static RunningSystem system;

	@BeforeAll
	static void openABrowser() throws Exception {
		assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				"Chromium and chromedriver are not installed (.ci/run installs them)");
		system = RunningSystem.shared();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--window-size=900,1200", "--user-data-dir=" + Files.createTempDirectory("dak-chromium"));
		browser = new ChromeDriver(
				new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(), options);
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

}
