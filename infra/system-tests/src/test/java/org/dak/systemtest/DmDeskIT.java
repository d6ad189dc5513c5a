package org.dak.systemtest;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The DM's desk in a real browser, in Hindi and in English: the DM finds a new item in
 * the marking inbox by a word of its subject, marks it to a department with a copy to
 * another, sees its story and its messages, and finds it in the pendency dashboard.
 */
class DmDeskIT extends DeskTest {

	@ParameterizedTest
	@ValueSource(strings = { "hi", "en" })
	void theDmFindsANewItemMarksItWithACopyAndSeesItInTheDashboards(String language) {
		String word = "डेस्क" + UUID.randomUUID().toString().substring(0, 6);
		JsonNode receipt = gateway.anonymous()
			.post()
			.uri("/api/v1/complaints")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("channel", "WEB", "applicant",
					Map.of("name", "महेश प्रसाद", "mobile", "9822200011", "preferredLanguage", "hi"), "subject",
					"हैंडपंप खराब " + word, "description", "गाँव का हैंडपंप दो सप्ताह से खराब है।", "place",
					Map.of("address", "वार्ड 4, बिहारशरीफ़", "latitude", 25.1972, "longitude", 85.5231), "mediaUrl",
					"https://photos.example.in/pump.jpg"))
			.retrieve()
			.body(JsonNode.class);
		String number = receipt.get("receiptNumber").asString();
		String dm = "desk.dm." + language;
		gateway.account(dm, "DM", Map.of());

		signIn(dm, language);
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
		wait.until(ExpectedConditions.urlContains("/desk/dm.html"));
		assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#inbox h2"))).getText())
			.isEqualTo(in(language, "चिह्नांकन हेतु आवेदन", "Marking inbox"));
		assertThat(Browser.drawsDevanagariWith(browser, "Dak Devanagari")).isTrue();

		browser.findElement(By.id("f-q")).sendKeys(word);
		new WebDriverWait(browser, Duration.ofSeconds(60)).pollingEvery(Duration.ofSeconds(1)).until((driver) -> {
			driver.findElement(By.cssSelector("#filters button[type=submit]")).click();
			return driver.findElement(By.id("inbox-list")).getText().contains(number);
		});
		assertThat(browser.findElement(By.id("inbox-list")).getText()).contains("हैंडपंप खराब " + word)
			.contains(in(language, "चिह्नांकन की प्रतीक्षा", "Awaiting marking"));
		// what the DM sees on a desk filled with items: the header whole, every receipt
		// number readable, every control in the served font
		assertThat(Browser.headerFits(browser)).as("the header bar holds its title, desks and sign-out").isTrue();
		assertThat(Browser.colours(browser,
				browser.findElement(By.xpath("//*[@id='inbox-list']//button[normalize-space()='" + number + "']"))))
			.as("a receipt number's colour on its background")
			.doesNotStartWith("rgb(255, 255, 255) on rgb(255, 255, 255)");
		assertThat(Browser.controlsNotIn(browser, "main", "Dak Devanagari")).isEmpty();

		browser.findElement(By.cssSelector("#inbox-list input[value='" + number + "']")).click();
		assertThat(browser.findElement(By.id("mark-selected")).getText())
			.isEqualTo(in(language, "1 आवेदन चुने गए", "1 selected"));
		new Select(browser.findElement(By.id("m-department"))).selectByValue("PHED");
		browser.findElement(By.cssSelector("#m-copies input[value='PANCHAYATI_RAJ']")).click();
		browser.findElement(By.id("m-instructions")).sendKeys("तीन दिन में मरम्मत कराएँ");
		browser.findElement(By.id("mark-submit")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("mark-outcomes"),
				number + in(language, ": चिह्नित", ": marked")));
		Browser.screenshot(browser, "dm-desk-" + language);

		// marked, it has left the list of items awaiting marking; the outcome opens it
		assertThat(browser.findElement(By.id("inbox-list")).getText()).doesNotContain(number);
		browser.findElement(By.cssSelector("#mark-outcomes button")).click();
		wait.until(ExpectedConditions.textToBe(By.id("item-number"), number));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("item-instructions"),
				"तीन दिन में मरम्मत कराएँ"));
		assertThat(browser.findElement(By.id("item-department")).getText())
			.contains(in(language, "लोक स्वास्थ्य अभियंत्रण", "Public Health Engineering"));
		new WebDriverWait(browser, Duration.ofSeconds(60)).pollingEvery(Duration.ofSeconds(2)).until((driver) -> {
			driver.findElement(By.cssSelector("#mark-outcomes button")).click();
			return driver.findElement(By.id("item-messages")).getText().contains("SMS");
		});
		// where it is about, with a map link, and the applicant's photo link (read at
		// once: the item may be drawn again meanwhile)
		wait.until((driver) -> String.valueOf(((org.openqa.selenium.JavascriptExecutor) driver)
			.executeScript("const place = document.getElementById('item-place');"
					+ " return place.textContent + ' | ' + [...place.querySelectorAll('a')].map((a) => a.getAttribute('href')).join(' ');"))
			.equals("वार्ड 4, बिहारशरीफ़ · 25.1972, 85.5231 · 📷 "
					+ in(language, "फ़ोटो (आवेदक का लिंक)", "Photo (the applicant’s link)")
					+ " | https://www.openstreetmap.org/?mlat=25.1972&mlon=85.5231#map=17/25.1972/85.5231"
					+ " https://photos.example.in/pump.jpg"));

		new WebDriverWait(browser, Duration.ofSeconds(60)).pollingEvery(Duration.ofSeconds(2)).until((driver) -> {
			driver.navigate().refresh();
			return driver.findElement(By.id("pendency"))
				.getText()
				.contains(in(language, "लोक स्वास्थ्य अभियंत्रण", "Public Health Engineering"));
		});
		assertThat(browser.findElement(By.id("chart-department")).findElements(By.className("bar"))).isNotEmpty();
		assertThat(browser.findElement(By.id("chart-week")).findElements(By.className("bar-row"))).as("twelve weeks")
			.hasSize(12);
		// the week the item came in (other tests move the system's clock on, so not
		// necessarily the last one shown)
		assertThat(browser.findElement(By.id("chart-week")).getText()).as("the item counted as received")
			.containsPattern("\\d{4}-W\\d{2}\\s+[1-9]\\d* / \\d+");
		Browser.screenshot(browser, "dm-dashboards-" + language);
	}

	@org.junit.jupiter.api.Test
	void theDmSeesAnSmsTheProviderRefusedAndHasItSentAgain() {
		String mobile = "9822200077";
		String word = "पुनः" + UUID.randomUUID().toString().substring(0, 6);
		String number;
		system.smsProviderRefuses(mobile);
		try {
			number = gateway.anonymous()
				.post()
				.uri("/api/v1/complaints")
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("channel", "WEB", "applicant", Map.of("name", "सीता देवी", "mobile", mobile), "subject",
						"नाला जाम " + word, "description", "मोहल्ले का नाला जाम है।"))
				.retrieve()
				.body(JsonNode.class)
				.get("receiptNumber")
				.asString();
			String dmToken = gateway.account("desk.dm.resend", "DM", Map.of());
			new WebDriverWait(browser, Duration.ofSeconds(60)).pollingEvery(Duration.ofSeconds(1))
				.until((driver) -> gateway.as(dmToken)
					.get()
					.uri("/api/v1/notifications?complaintId=" + number)
					.retrieve()
					.body(String.class)
					.contains("permanent-failure"));
		}
		finally {
			system.smsProviderWorks();
		}

		signIn("desk.dm.resend", "en");
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
		wait.until(ExpectedConditions.urlContains("/desk/dm.html"));
		browser.findElement(By.id("f-q")).sendKeys(word);
		By link = By.xpath("//*[@id='inbox-list']//button[normalize-space()='" + number + "']");
		new WebDriverWait(browser, Duration.ofSeconds(60)).pollingEvery(Duration.ofSeconds(1)).until((driver) -> {
			driver.findElement(By.cssSelector("#filters button[type=submit]")).click();
			return !driver.findElements(link).isEmpty();
		});
		// the list may be drawn again meanwhile (the search's answer): its link then too
		wait.ignoring(StaleElementReferenceException.class).until((driver) -> {
			driver.findElement(link).click();
			return driver.findElement(By.id("item-number")).getText().equals(number);
		});
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("item-messages"), "permanent-failure"));
		assertThat(browser.findElement(By.id("item-resend")).getText())
			.isEqualTo("Send again the messages that did not arrive");

		browser.findElement(By.id("item-resend")).click();

		wait.until(ExpectedConditions.textToBe(By.id("item-problem"), "1 messages are being sent again."));
		new WebDriverWait(browser, Duration.ofSeconds(60)).pollingEvery(Duration.ofSeconds(2))
			.ignoring(StaleElementReferenceException.class)
			.until((driver) -> {
				driver.findElement(link).click();
				String messages = driver.findElement(By.id("item-messages")).getText();
				return messages.contains("sent") && !messages.contains("failure") && !messages.contains("created");
			});
		assertThat(browser.findElement(By.id("item-resend")).isDisplayed()).as("nothing left to send again").isFalse();
		assertThat(system.smsTaken().stream().filter((sms) -> sms.contains(number) && sms.contains(mobile))).hasSize(1);
	}

}
