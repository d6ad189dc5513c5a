package org.dak.systemtest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One item's whole round in the browser, in Hindi and in English, each person at their
 * own desk: the clerk registers a walk-in letter with its scan and gets the receipt; the
 * DM finds it and marks it with a copy; the officer opens it from a photo of the
 * receipt's QR code, acknowledges, forwards, posts the action taken with evidence and
 * disposes of it; the applicant tracks it with the receipt's code and gives feedback; the
 * DM sees the disposal in the dashboards.
 */
class WholeRoundInTheBrowserIT extends DeskTest {

	@ParameterizedTest
	@ValueSource(strings = { "hi", "en" })
	void anItemGoesFromTheCounterToDisposalAndTheApplicantsFeedback(String language) throws Exception {
		String word = "दौर" + UUID.randomUUID().toString().substring(0, 6);
		String clerk = "round.clerk." + language;
		String dm = "round.dm." + language;
		String officer = "round.supply." + language;
		RestClient counter = gateway.as(gateway.account(clerk, "RECEIPT_DESK", Map.of()));
		RestClient dmApi = gateway.as(gateway.account(dm, "DM", Map.of()));
		gateway.account(officer, "DEPARTMENT_OFFICER", Map.of("department", "SUPPLY"));
		supplyOffice(dmApi, "BLOCK_RAJGIR", "Block Supply Office, Rajgir", "प्रखंड आपूर्ति कार्यालय, राजगीर");
		Path scan = Files.createTempFile("letter-", ".pdf");
		Files.write(scan, FaultSuiteIT.PDF);
		Path evidence = Files.createTempFile("distribution-register-", ".pdf");
		Files.write(evidence, FaultSuiteIT.PDF);
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));

		// the counter
		signIn(clerk, language);
		wait.until(ExpectedConditions.urlContains("/desk/receipt.html"));
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("name"))).sendKeys("शांति देवी");
		// a number of its own: the other language's round would be a possible repeat
		browser.findElement(By.id("mobile")).sendKeys(language.equals("hi") ? "9844400011" : "9844400022");
		browser.findElement(By.id("subject")).sendKeys("राशन कार्ड " + word);
		browser.findElement(By.id("description")).sendKeys("राशन दुकान से तीन माह से अनाज नहीं मिला।");
		browser.findElement(By.id("scans")).sendKeys(scan.toString());
		browser.findElement(By.id("register-submit")).click();
		wait.until((driver) -> !driver.findElement(By.id("receipt-number")).getText().isEmpty());
		String number = browser.findElement(By.id("receipt-number")).getText();
		String code = browser.findElement(By.id("receipt-code")).getText().replace("-", "");

		// the DM's desk
		signIn(dm, language);
		wait.until(ExpectedConditions.urlContains("/desk/dm.html"));
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("f-q"))).sendKeys(word);
		new WebDriverWait(browser, Duration.ofSeconds(60)).pollingEvery(Duration.ofSeconds(1)).until((driver) -> {
			driver.findElement(By.cssSelector("#filters button[type=submit]")).click();
			return driver.findElement(By.id("inbox-list")).getText().contains(number);
		});
		wait.until((driver) -> {
			// the list may be drawn again while the page settles: take the box as it is
			// now
			try {
				driver.findElement(By.cssSelector("#inbox-list input[value='" + number + "']")).click();
				return driver.findElement(By.cssSelector("#inbox-list input[value='" + number + "']")).isSelected();
			}
			catch (org.openqa.selenium.StaleElementReferenceException ex) {
				return false;
			}
		});
		new Select(browser.findElement(By.id("m-department"))).selectByValue("SUPPLY");
		browser.findElement(By.cssSelector("#m-copies input[value='PANCHAYATI_RAJ']")).click();
		browser.findElement(By.id("m-instructions")).sendKeys("सात दिन में राशन दिलाएँ");
		browser.findElement(By.id("mark-submit")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("mark-outcomes"),
				number + in(language, ": चिह्नित", ": marked")));

		// the department, from a photo of the receipt's QR code
		Path photo = Files.createTempFile("receipt-photo-", ".png");
		// (the receipt as the counter printed it: only the counter reads its code)
		Files.write(photo, counter.get().uri("/api/v1/complaints/" + number + "/qr.png").retrieve().body(byte[].class));
		signIn(officer, language);
		wait.until(ExpectedConditions.urlContains("/desk/department.html"));
		new WebDriverWait(browser, Duration.ofSeconds(60)).pollingEvery(Duration.ofSeconds(1)).until((driver) -> {
			driver.findElement(By.id("scan-image")).sendKeys(photo.toString());
			return number.equals(driver.findElement(By.id("case-number")).getText())
					&& driver.findElement(By.id("case-timeline")).getText().contains("सात दिन में राशन दिलाएँ");
		});
		step(wait, "step:ACKNOWLEDGE", null, null);
		timeline(wait, in(language, "विभाग द्वारा प्राप्त", "Acknowledged"));
		new Select(browser.findElement(By.id("a-what"))).selectByValue("step:FORWARD");
		new Select(browser.findElement(By.id("a-office"))).selectByValue("BLOCK_RAJGIR");
		step(wait, null, "प्रखंड कार्यालय जाँच करे", null);
		timeline(wait, in(language, "प्रखंड आपूर्ति कार्यालय, राजगीर", "Block Supply Office, Rajgir"));
		step(wait, "step:ACTION_TAKEN", "तीन माह का अनाज दिया गया", evidence);
		assertThat(timeline(wait, "तीन माह का अनाज दिया गया")).contains(evidence.getFileName().toString());
		step(wait, "status:DISPOSED", "अनाज वितरित; शिकायत निष्पादित", null);
		wait.until(ExpectedConditions.textToBe(By.id("case-status"), in(language, "निष्पादित", "Disposed")));

		// the applicant, with the receipt's code
		new WebDriverWait(browser, Duration.ofSeconds(60)).pollingEvery(Duration.ofSeconds(2)).until((driver) -> {
			driver.get(system.gatewayUrl() + "/track/" + number + "?code=" + code);
			return driver.getPageSource().contains("अनाज वितरित; शिकायत निष्पादित");
		});
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("feedback")));
		browser.findElement(By.cssSelector("#feedback input[value=true]")).click();
		browser.findElement(By.cssSelector("#feedback button[type=submit]")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("feedback-answer"), "धन्यवाद"));

		// the DM's dashboards
		signIn(dm, language);
		wait.until(ExpectedConditions.urlContains("/desk/dm.html"));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("summary"),
				in(language, "जिला आपूर्ति कार्यालय", "District Supply Office")));
		// the applicant was satisfied: the item is closed
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("chart-status"),
				in(language, "बंद", "Closed")));
		Browser.screenshot(browser, "round-dashboards-" + language);
	}

}
