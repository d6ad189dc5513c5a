package org.dak.systemtest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The walk-through in {@code docs/walkthrough.md}, its {@code bash} blocks run as they
 * are written there, one after the other in one shell, against the running system: every
 * call must answer as the page says (a call that fails stops the shell), and the items it
 * files must end where the page says they end.
 */
class WalkthroughIT {

	private static final Pattern BASH_BLOCK = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL);

	@TempDir
	Path workingDirectory;

	@Test
	void theWalkthroughRunsAsPastedAndEveryItemEndsWhereThePageSays() throws Exception {
		RunningSystem system = RunningSystem.shared();
		// the test system has the local stack's demo accounts, with the tests' password
		Path root = Path.of(System.getProperty("dak.root", "../..")).toAbsolutePath().normalize();
		String page = Files.readString(root.resolve("docs/walkthrough.md"));

		Result result = run(script(page),
				Map.of("G", system.gatewayUrl(), "DAK_DEMO_PASSWORD", Gateway.PASSWORD, "DAK_ADMIN_PASSWORD",
						system.adminPassword(), "SMTP", "smtp://127.0.0.1:" + system.mail().getSmtp().getPort(),
						"MAILBOX", RunningSystem.COMPLAINTS, "SAMPLES", root.resolve("docs/samples").toString()));

		assertThat(result.exit()).as(result.output()).isZero();
		assertThat(result.output()).contains("Walk-through done")
			.contains("\"status\":\"DISPOSED\"")
			.contains("\"status\":\"DONE\"")
			.contains("escalatedAt");
		assertThat(this.workingDirectory.resolve("receipt.pdf")).content(StandardCharsets.ISO_8859_1)
			.startsWith("%PDF");
		String ids = result.output().substring(result.output().lastIndexOf("Walk-through done"));
		assertThat(ids).matches("(?s)Walk-through done: A=\\S+ B=\\S+ C=\\S+\\s*");
	}

	static String script(String page) {
		List<String> blocks = new ArrayList<>();
		Matcher block = BASH_BLOCK.matcher(page);
		while (block.find()) {
			blocks.add(block.group(1));
		}
		assertThat(blocks).as("the walk-through's bash blocks").hasSizeGreaterThan(5);
		return String.join("\n", blocks);
	}

	private Result run(String script, Map<String, String> environment) throws IOException, InterruptedException {
		// the gateway's limits count per client address: this shell is a client of its
		// own
		Path home = Files.createDirectories(this.workingDirectory.resolve("home"));
		ThreadLocalRandom random = ThreadLocalRandom.current();
		Files.writeString(home.resolve(".curlrc"), "header = \"X-Forwarded-For: 10.%d.%d.%d\"\n"
			.formatted(random.nextInt(256), random.nextInt(256), random.nextInt(1, 255)));
		Path output = this.workingDirectory.resolve("walkthrough.log");
		ProcessBuilder shell = new ProcessBuilder("bash", "-e", "-u", "-o", "pipefail", "-c", script)
			.directory(this.workingDirectory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(output.toFile());
		shell.environment().putAll(environment);
		shell.environment().put("HOME", home.toString());
		Process process = shell.start();
		if (!process.waitFor(5, TimeUnit.MINUTES)) {
			process.destroyForcibly();
		}
		return new Result(process.isAlive() ? -1 : process.exitValue(), Files.readString(output));
	}

	private record Result(int exit, String output) {
	}

}
