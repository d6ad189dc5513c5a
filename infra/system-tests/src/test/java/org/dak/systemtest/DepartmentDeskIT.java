package org.dak.systemtest;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
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
 * The department desk in a real browser, in Hindi and in English: an officer opens an
 * item marked to their department by uploading a photo of its receipt's QR code, then
 * acknowledges it, forwards it to an office, posts the action taken with evidence and
 * disposes of it, each step seen on the item's timeline.
 */
class DepartmentDeskIT extends DeskTest {

	@ParameterizedTest
	@ValueSource(strings = { "hi", "en" })
	void anOfficerOpensAnItemFromItsQrCodeAndWorksItToDisposal(String language) throws Exception {
		RestClient dm = gateway.as(gateway.account("desk.dept.dm." + language, "DM", Map.of()));
		supplyOffice(dm, "BLOCK_HILSA", "Block Supply Office, Hilsa", "प्रखंड आपूर्ति कार्यालय, हिलसा");
		String subject = "राशन नहीं मिला " + UUID.randomUUID().toString().substring(0, 6);
		String number = markedToSupply(dm, language, subject);
		Path qr = Files.createTempFile("receipt-qr-", ".png");
		Files.write(qr,
				counter(language).get().uri("/api/v1/complaints/" + number + "/qr.png").retrieve().body(byte[].class));
		Path evidence = Files.createTempFile("distribution-", ".pdf");
		Files.write(evidence, FaultSuiteIT.PDF);
		String officer = "desk.supply." + language;
		RestClient supply = gateway.as(gateway.account(officer, "DEPARTMENT_OFFICER", Map.of("department", "SUPPLY")));
		// intake lets the department see the letter once it has heard of the marking
		new WebDriverWait(browser, Duration.ofSeconds(60)).pollingEvery(Duration.ofSeconds(1))
			.until((driver) -> supply.get()
				.uri("/api/v1/complaints/" + number + "/attachments")
				.retrieve()
				.toBodilessEntity()
				.getStatusCode()
				.value() == 200);

		signIn(officer, language);
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
		wait.until(ExpectedConditions.urlContains("/desk/department.html"));
		new WebDriverWait(browser, Duration.ofSeconds(60)).pollingEvery(Duration.ofSeconds(1)).until((driver) -> {
			driver.findElement(By.cssSelector("#queue-filters button[type=submit]")).click();
			return driver.findElement(By.id("queue-list")).getText().contains(number);
		});
		assertThat(browser.findElement(By.cssSelector("#queue h2")).getText())
			.contains(in(language, "विभाग की कतार", "The department's queue"));

		browser.findElement(By.id("scan-image")).sendKeys(qr.toString());
		new WebDriverWait(browser, Duration.ofSeconds(30))
			.withMessage(() -> "the photographed receipt opened no item; the desk says: "
					+ browser.findElement(By.id("scan-problem")).getText())
			.until(ExpectedConditions.textToBe(By.id("case-number"), number));
		assertThat(browser.findElement(By.id("case-subject")).getText()).isEqualTo(subject);
		assertThat(browser.findElement(By.id("case-timeline")).getText()).contains("जाँच कर राशन दिलाएँ");
		wait.until(
				ExpectedConditions.textToBePresentInElementLocated(By.id("case-files"), "letter-" + language + ".pdf"));

		step(wait, "step:ACKNOWLEDGE", null, null);
		assertThat(timeline(wait, in(language, "विभाग द्वारा प्राप्त", "Acknowledged"))).isNotEmpty();

		new Select(browser.findElement(By.id("a-what"))).selectByValue("step:FORWARD");
		new Select(browser.findElement(By.id("a-office"))).selectByValue("BLOCK_HILSA");
		step(wait, null, "प्रखंड कार्यालय जाँच करे", null);
		assertThat(timeline(wait, in(language, "प्रखंड आपूर्ति कार्यालय, हिलसा", "Block Supply Office, Hilsa")))
			.contains("प्रखंड कार्यालय जाँच करे");

		step(wait, "step:ACTION_TAKEN", "दो माह का राशन वितरित", evidence);
		assertThat(timeline(wait, "दो माह का राशन वितरित")).contains(evidence.getFileName().toString());

		step(wait, "status:DISPOSED", "राशन दिया गया; शिकायत निष्पादित", null);
		wait.until(ExpectedConditions.textToBe(By.id("case-status"), in(language, "निष्पादित", "Disposed")));
		Browser.screenshot(browser, "department-desk-" + language);
	}

	@Test
	void anOfficerHoldsAReceiptUpToTheCameraAndItsItemOpens() throws Exception {
		RestClient dm = gateway.as(gateway.account("desk.camera.dm", "DM", Map.of()));
		String subject = "हैंडपंप खराब " + UUID.randomUUID().toString().substring(0, 6);
		String number = markedToSupply(dm, "camera", subject);
		Browser.holdToCamera(ImageIO.read(new ByteArrayInputStream(counter("camera").get()
			.uri("/api/v1/complaints/" + number + "/qr.png")
			.retrieve()
			.body(byte[].class))));
		String officer = "desk.camera.supply";
		gateway.account(officer, "DEPARTMENT_OFFICER", Map.of("department", "SUPPLY"));

		signIn(officer, "en");
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
		wait.until(ExpectedConditions.elementToBeClickable(By.id("scan-camera"))).click();

		wait.until(ExpectedConditions.textToBe(By.id("case-number"), number));
		assertThat(browser.findElement(By.id("case-subject")).getText()).isEqualTo(subject);
		assertThat(browser.findElement(By.id("scan-video")).isDisplayed()).as("the camera closed once it read the code")
			.isFalse();
		assertThat(browser.findElement(By.id("scan-camera")).isDisplayed()).isTrue();
		Browser.holdToCamera(null);
	}

	/**
	 * Registers a letter with its scan at the receipt desk; the DM marks it to Supply.
	 */
	private static String markedToSupply(RestClient dm, String tag, String subject) {
		RestClient desk = gateway.as(gateway.account("desk.dept.clerk." + tag, "RECEIPT_DESK", Map.of()));
		String number = Gateway.registerWithScan(desk,
				Map.of("channel", "POST", "applicant",
						Map.of("name", "कमला देवी", "mobile", "9833300011", "preferredLanguage", "hi"), "subject",
						subject, "description", "दो महीने से राशन नहीं मिला।"),
				"letter-" + tag + ".pdf");
		new WebDriverWait(browser, Duration.ofSeconds(60)).pollingEvery(Duration.ofSeconds(1))
			.until((driver) -> dm.post()
				.uri("/api/v1/inbox/" + number + "/marking")
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("departmentCode", "SUPPLY", "instructions", "जाँच कर राशन दिलाएँ", "copyTo",
						List.of("PANCHAYATI_RAJ")))
				.retrieve()
				.toBodilessEntity()
				.getStatusCode()
				.value() == 200);
		return number;
	}

	/** The counter that printed the receipt: only it reads the code its QR code holds. */
	private static RestClient counter(String name) {
		return gateway.as(gateway.account("desk.counter." + name, "RECEIPT_DESK", Map.of()));
	}

}
