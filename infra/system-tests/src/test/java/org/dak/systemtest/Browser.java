package org.dak.systemtest;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

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

	private static final Path CAMERA = Path.of("target", "camera.y4m");

	private Browser() {
	}

	static WebDriver open(int width, int height) {
		assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				"Chromium and chromedriver are not installed (.ci/run installs them)");
		try {
			ChromeOptions options = new ChromeOptions();
			options.setBinary(CHROMIUM.toFile());
			holdToCamera(null);
			options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					// a camera that films what holdToCamera last put in front of it,
					// allowed
					"--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
					"--use-file-for-fake-video-capture=" + CAMERA.toAbsolutePath(), "--disable-background-networking",
					"--disable-component-update", "--disable-sync", "--no-first-run",
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
	 * Puts {@code picture} (or, for {@code null}, a blank page) in front of the browser's
	 * camera, centred on a white 640×480 frame: a Y4M file the browser films in a loop
	 * from the next time a page opens the camera.
	 */
	static void holdToCamera(BufferedImage picture) {
		int width = 640;
		int height = 480;
		byte[] luma = new byte[width * height];
		Arrays.fill(luma, (byte) 255);
		if (picture != null) {
			int side = 400;
			int left = (width - side) / 2;
			int top = (height - side) / 2;
			for (int y = 0; y < side; y++) {
				for (int x = 0; x < side; x++) {
					int rgb = picture.getRGB(x * picture.getWidth() / side, y * picture.getHeight() / side);
					int grey = (((rgb >> 16) & 0xff) * 299 + ((rgb >> 8) & 0xff) * 587 + (rgb & 0xff) * 114) / 1000;
					luma[(top + y) * width + left + x] = (byte) grey;
				}
			}
		}
		byte[] chroma = new byte[width * height / 4];
		Arrays.fill(chroma, (byte) 128);
		try {
			Files.createDirectories(CAMERA.getParent());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		try (OutputStream out = Files.newOutputStream(CAMERA)) {
			out.write(("YUV4MPEG2 W" + width + " H" + height + " F10:1 Ip A1:1 C420jpeg\nFRAME\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.write(luma);
			out.write(chroma);
			out.write(chroma);
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

	/**
	 * The controls (buttons, fields, lists) under a selector whose computed font does not
	 * start with the served family: each would draw Hindi with whatever the PC has, or
	 * with boxes.
	 * @return a line for each, empty when all use it
	 */
	@SuppressWarnings("unchecked")
	static java.util.List<String> controlsNotIn(WebDriver browser, String selector, String family) {
		return (java.util.List<String>) ((JavascriptExecutor) browser).executeScript("""
				const family = arguments[1];
				return [...document.querySelectorAll(arguments[0] + ' button, ' + arguments[0] + ' input, '
				    + arguments[0] + ' textarea, ' + arguments[0] + ' select')]
				  .filter((control) => !getComputedStyle(control).fontFamily.replace(/"/g, '').startsWith(family))
				  .map((control) => control.outerHTML.slice(0, 80) + ': ' + getComputedStyle(control).fontFamily);
				""", selector, family);
	}

	/**
	 * Whether the desk's header bar is tall enough for what it holds (the title, the
	 * desks, the language switch and sign-out): nothing cut off.
	 */
	static boolean headerFits(WebDriver browser) {
		Object fits = ((JavascriptExecutor) browser).executeScript("""
				const bar = document.querySelector('header.bar');
				const box = bar.getBoundingClientRect();
				const inner = [...bar.querySelectorAll('h1, nav a, .who button, .who span')]
				  .filter((child) => child.offsetParent !== null)
				  .map((child) => child.getBoundingClientRect());
				return inner.length > 0 && inner.every((r) => r.top >= box.top - 1 && r.bottom <= box.bottom + 1);
				""");
		return Boolean.TRUE.equals(fits);
	}

	/**
	 * The computed text colour and the colour behind an element, as the browser has them.
	 */
	static String colours(WebDriver browser, org.openqa.selenium.WebElement element) {
		return (String) ((JavascriptExecutor) browser).executeScript("""
				let node = arguments[0];
				const ink = getComputedStyle(node).color;
				let paper = 'rgba(0, 0, 0, 0)';
				while (node && (paper === 'rgba(0, 0, 0, 0)' || paper === 'transparent')) {
				  paper = getComputedStyle(node).backgroundColor;
				  node = node.parentElement;
				}
				return ink + ' on ' + paper;
				""", element);
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
