package org.dak.systemtest;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The administrator's pages in a real browser, in Hindi and in English: the system's
 * health, every service up; a new receipt clerk's account, which can then sign in; an
 * adapter key shown once and revoked; a holiday added to the working calendar.
 */
class AdminDeskIT extends DeskTest {

	@ParameterizedTest
	@ValueSource(strings = { "hi", "en" })
	void theAdministratorAddsAClerkAndIssuesAndRevokesAnAdapterKey(String language) {
		String admin = "desk.admin." + language;
		gateway.account(admin, "ADMIN", Map.of());
		String clerk = "clerk." + UUID.randomUUID().toString().substring(0, 8);

		signIn(admin, language);
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
		// two desks for an administrator: the sign-in page lists them
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("desk-links")));
		assertThat(browser.findElement(By.id("desk-links")).getText())
			.contains(in(language, "प्रशासन", "Administration"), in(language, "सिस्टम की स्थिति", "System health"));
		browser.findElement(By.cssSelector("#desk-links a[href='/desk/health.html']")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("services"), "notification-service"));
		for (String service : new String[] { "intake-service", "routing-service", "tracking-service" }) {
			assertThat(browser.findElement(By.id("services")).getText()).contains(service);
		}
		assertThat(browser.findElements(By.cssSelector("#services .state-up"))).as("every service up").hasSize(4);
		assertThat(browser.findElement(By.id("dependencies")).getText()).contains(
				in(language, "डेटाबेस (MongoDB)", "Database (MongoDB)"),
				in(language, "संदेश ब्रोकर (Kafka)", "Message broker (Kafka)"));
		assertThat(browser.findElements(By.cssSelector("#dependencies .state-up")))
			.as("the database, the broker and both providers up, before any message is sent")
			.hasSize(4);
		// the installed calendar lists 2026 only: from December 2026 the health page says
		// which year's holidays are missing
		java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Kolkata"));
		if (today.getYear() > 2026 || today.getMonthValue() == 12) {
			int missing = (today.getYear() == 2026) ? 2027 : today.getYear();
			wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("warnings")));
			assertThat(browser.findElement(By.id("warnings")).getText()).contains(String.valueOf(missing))
				.contains(in(language, "सार्वजनिक अवकाश दर्ज नहीं",
						"public holidays of " + missing + " are not entered"));
		}
		Browser.screenshot(browser, "health-" + language);
		browser.findElement(By.cssSelector("header.bar nav a[href='/desk/admin.html']")).click();
		wait.until(ExpectedConditions.urlContains("/desk/admin.html"));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("account-list"), admin));

		browser.findElement(By.id("u-name")).sendKeys(clerk);
		browser.findElement(By.id("u-password")).sendKeys(Gateway.PASSWORD);
		browser.findElement(By.cssSelector("#u-roles input[value=RECEIPT_DESK]")).click();
		browser.findElement(By.cssSelector("#account-form button[type=submit]")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("account-list"), clerk));
		assertThat(browser.findElement(By.id("account-problem")).getText())
			.isEqualTo(in(language, "सहेजा गया।", "Saved."));
		assertThat(browser.findElement(By.id("account-list")).getText())
			.contains(in(language, "प्राप्ति लिपिक", "Receipt clerk"));

		String keyName = "fax adapter " + language;
		browser.findElement(By.id("k-name")).sendKeys(keyName);
		new Select(browser.findElement(By.id("k-channel"))).selectByValue("FAX");
		browser.findElement(By.cssSelector("#key-form button[type=submit]")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("new-key")));
		assertThat(browser.findElement(By.id("new-key-value")).getText()).hasSizeGreaterThan(20);
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("key-list"), keyName));
		Browser.screenshot(browser, "admin-desk-" + language);
		browser.findElement(By.xpath("//table[@id='key-list']//tr[td[text()='" + keyName + "']]//button")).click();
		wait.until(ExpectedConditions.invisibilityOfElementLocated(
				By.xpath("//table[@id='key-list']//tr[td[text()='" + keyName + "']]//button")));

		// the rules and templates in force, to read
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("rule-list"), "SUPPLY"));
		assertThat(browser.findElement(By.id("default-days")).getText()).isEqualTo("60");
		assertThat(browser.findElement(By.id("template-list")).getText()).contains("status-disposed");

		// the working calendar: the installed list, and a holiday added (far ahead, so no
		// other test's deadlines move) with its reason, in force as a new version
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("cal-version"), ""));
		new Select(browser.findElement(By.id("cal-year"))).selectByValue("2026");
		assertThat(browser.findElement(By.id("cal-holidays")).getText()).contains("गणतंत्र दिवस", "Republic Day");
		String version = browser.findElement(By.id("cal-version")).getText();
		String date = language.equals("hi") ? "2031-01-26" : "2031-08-15";
		browser.findElement(By.id("cal-reason")).sendKeys("अधिसूचना 12/2030 / notification 12/2030");
		((org.openqa.selenium.JavascriptExecutor) browser)
			.executeScript("document.getElementById('h-date').value = arguments[0]", date);
		browser.findElement(By.id("h-name-hi")).sendKeys(language.equals("hi") ? "गणतंत्र दिवस" : "स्वतंत्रता दिवस");
		browser.findElement(By.id("h-name-en")).sendKeys(language.equals("hi") ? "Republic Day" : "Independence Day");
		browser.findElement(By.id("cal-add-button")).click();
		wait.until(ExpectedConditions.not(ExpectedConditions.textToBe(By.id("cal-version"), version)));
		assertThat(browser.findElement(By.id("cal-problem")).getText()).startsWith(in(language, "संस्करण ", "Version "))
			.contains("holiday added: " + date);
		assertThat(new Select(browser.findElement(By.id("cal-year"))).getFirstSelectedOption().getText())
			.isEqualTo("2031");
		assertThat(browser.findElement(By.cssSelector("#cal-holidays tr[data-date='" + date + "']")).getText())
			.contains(in(language, "राजपत्रित", "Gazetted"));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("cal-history"),
				"अधिसूचना 12/2030 / notification 12/2030"));

		// the gazette's list as CSV: a wrong line is named and nothing changes; the right
		// file replaces its year
		String year = language.equals("hi") ? "2032" : "2033";
		String before = browser.findElement(By.id("cal-version")).getText();
		browser.findElement(By.id("g-file"))
			.sendKeys(csv("date,name_hi,name_en,kind\n" + year + "-01-26,गणतंत्र दिवस,Republic Day,GAZETTED\n" + year
					+ "-02-30,होली,Holi,GAZETTED\n")
				.toString());
		browser.findElement(By.id("cal-import")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("cal-gazette-errors")));
		assertThat(browser.findElement(By.id("cal-gazette-errors")).getText())
			.contains(in(language, "पंक्ति 3, date", "Line 3, date"));
		assertThat(browser.findElement(By.id("cal-version")).getText()).isEqualTo(before);
		browser.findElement(By.id("g-file"))
			.sendKeys(csv("date,name_hi,name_en,kind\n26-01-" + year + ",गणतंत्र दिवस,Republic Day,राजपत्रित\n15-08-"
					+ year + ",स्वतंत्रता दिवस,Independence Day,GAZETTED\n")
				.toString());
		browser.findElement(By.id("cal-import")).click();
		wait.until(ExpectedConditions.not(ExpectedConditions.textToBe(By.id("cal-version"), before)));
		assertThat(browser.findElement(By.id("cal-problem")).getText())
			.contains("holiday added: " + year + "-01-26 Republic Day", "holiday added: " + year + "-08-15")
			.doesNotContain("Line");
		new Select(browser.findElement(By.id("cal-year"))).selectByValue(year);
		assertThat(browser.findElements(By.cssSelector("#cal-holidays tr[data-date^='" + year + "-']"))).hasSize(2);
		Browser.screenshot(browser, "admin-calendar-" + language);

		// the new clerk can sign in and lands on the receipt desk
		signIn(clerk, language);
		wait.until(ExpectedConditions.urlContains("/desk/receipt.html"));
	}

	/** A CSV file on disk, as the administrator saves it from a spreadsheet. */
	private static java.nio.file.Path csv(String text) {
		try {
			java.nio.file.Path file = java.nio.file.Files.createTempFile("gazette-", ".csv");
			java.nio.file.Files.writeString(file, text, java.nio.charset.StandardCharsets.UTF_8);
			file.toFile().deleteOnExit();
			return file;
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
