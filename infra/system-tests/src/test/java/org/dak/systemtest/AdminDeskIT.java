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
 * The administrator's pages in a real browser, in Hindi and in English: a new receipt
 * clerk's account, which can then sign in; an adapter key shown once and revoked.
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

		// the new clerk can sign in and lands on the receipt desk
		signIn(clerk, language);
		wait.until(ExpectedConditions.urlContains("/desk/receipt.html"));
	}

}
