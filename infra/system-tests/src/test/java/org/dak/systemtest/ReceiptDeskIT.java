package org.dak.systemtest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The receipt desk in a real browser, through the gateway and its CSP, in Hindi and in
 * English: a clerk signs in, registers a walk-in item with a scanned letter and gets its
 * receipt to print; registering the same applicant's similar item again warns first; any
 * receipt can be found and printed again. Devanagari is drawn with the served font.
 */
class ReceiptDeskIT extends DeskTest {

	@ParameterizedTest
	@ValueSource(strings = { "hi", "en" })
	void aClerkRegistersAWalkInItemWithAScanAndPrintsItsReceipt(String language) throws Exception {
		String clerk = "desk.clerk." + language;
		gateway.account(clerk, "RECEIPT_DESK", Map.of());
		String mobile = language.equals("hi") ? "9811100001" : "9811100002";
		Path scan = Files.createTempFile("letter-", ".pdf");
		Files.write(scan, FaultSuiteIT.PDF);

		signIn(clerk, language);
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
		wait.until(ExpectedConditions.urlContains("/desk/receipt.html"));
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("register")));
		assertThat(browser.findElement(By.cssSelector("#register h2")).getText())
			.isEqualTo(in(language, "आवेदन दर्ज करें", "Register an item"));
		assertThat(Browser.drawsDevanagariWith(browser, "Dak Devanagari")).as("Devanagari drawn with the served font")
			.isTrue();

		fill("name", "सुनीता देवी");
		fill("mobile", mobile);
		fill("subject", "राशन कार्ड में नाम जोड़ना");
		fill("description", "परिवार के दो सदस्यों के नाम राशन कार्ड में जोड़े जाएँ।");
		browser.findElement(By.id("scans")).sendKeys(scan.toString());
		assertThat(browser.findElement(By.id("scan-list")).getText()).contains(scan.getFileName().toString());
		browser.findElement(By.id("register-submit")).click();

		String first = receiptShown(wait);
		assertThat(browser.findElement(By.id("receipt-code")).getText()).matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){3}");
		assertThat(browser.findElement(By.id("print")).getText())
			.isEqualTo(in(language, "पावती छापें", "Print the receipt"));
		String printable = receiptPage(wait);
		assertThat(printable).contains(first, "सुनीता देवी", "राशन कार्ड में नाम जोड़ना",
				scan.getFileName().toString());
		Browser.screenshot(browser, "receipt-desk-" + language);

		browser.findElement(By.id("another")).click();
		fill("name", "सुनीता देवी");
		fill("mobile", mobile);
		fill("subject", "राशन कार्ड में नाम जोड़ना है");
		fill("description", "फिर से: परिवार के नाम जोड़े जाएँ।");
		browser.findElement(By.id("register-submit")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("duplicate")));
		assertThat(browser.findElement(By.id("duplicate-text")).getText()).contains(first)
			.contains(in(language, "क्या यह वही है?", "Is it the same?"));
		assertThat(browser.findElement(By.id("receipt")).isDisplayed()).as("nothing registered yet").isFalse();
		browser.findElement(By.id("register-anyway")).click();
		String second = receiptShown(wait);
		assertThat(second).isNotEqualTo(first);

		fill("find-number", first);
		browser.findElement(By.cssSelector("#find button[type=submit]")).click();
		wait.until(ExpectedConditions.textToBe(By.id("receipt-number"), first));
		assertThat(receiptPage(wait)).contains(first);

		fill("find-number", "NAL-2020-999999-Z");
		browser.findElement(By.cssSelector("#find button[type=submit]")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("find-problem")));
		assertThat(browser.findElement(By.id("find-problem")).getText())
			.isEqualTo(in(language, "इस संख्या की कोई पावती नहीं मिली।", "No receipt has this number."));
	}

	private static void fill(String id, String text) {
		browser.findElement(By.id(id)).clear();
		browser.findElement(By.id(id)).sendKeys(text);
	}

	private static String receiptShown(WebDriverWait wait) {
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("receipt")));
		wait.until((driver) -> !driver.findElement(By.id("receipt-number")).getText().isEmpty());
		String number = browser.findElement(By.id("receipt-number")).getText();
		assertThat(number).matches("NAL-\\d{4}-\\d{6}-[0-9A-Z]");
		return number;
	}

	/** The text of the printable receipt in its frame. */
	private static String receiptPage(WebDriverWait wait) {
		wait.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.id("receipt-page")));
		try {
			wait.until((driver) -> driver.findElement(By.tagName("body")).getText().contains("पावती"));
			return browser.findElement(By.tagName("body")).getText();
		}
		finally {
			browser.switchTo().defaultContent();
		}
	}

}
