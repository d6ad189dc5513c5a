package org.dak.systemtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Headless Chromium as Debian packages it ({@code .ci/run} installs it, so the browser
 * tests run in CI); where it is missing the tests are skipped, saying why.
 */
final class Browser {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private Browser() {
	}

	static WebDriver open(int width, int height) {
		assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				"Chromium and chromedriver are not installed (.ci/run installs them)");
		try {
			ChromeOptions options = new ChromeOptions();
			options.setBinary(CHROMIUM.toFile());
			options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
					"--window-size=" + width + "," + height,
					"--user-data-dir=" + Files.createTempDirectory("dak-chromium"));
			return new ChromeDriver(
					new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(), options);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Whether the page's font set has the served Devanagari face of {@code family} loaded
	 * and drawing Hindi text (not the PC's fonts, nor empty boxes where it has none).
	 */
	static boolean drawsDevanagariWith(WebDriver browser, String family) {
		Object loaded = ((JavascriptExecutor) browser).executeAsyncScript("""
				const family = arguments[0];
				const done = arguments[arguments.length - 1];
				document.fonts.load('16px "' + family + '"', 'आवेदन').then(() => document.fonts.ready).then(() =>
				  done([...document.fonts].some((f) => f.family.replace(/"/g, '') === family && f.status === 'loaded')
				      && document.fonts.check('16px "' + family + '"', 'आवेदन')));
				""", family);
		return Boolean.TRUE.equals(loaded);
	}

	/** Saves what the browser shows, as {@code target/screenshots/<name>.png}. */
	static void screenshot(WebDriver browser, String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Files.write(SCREENSHOTS.resolve(name + ".png"),
					((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
