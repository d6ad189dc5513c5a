package org.dak.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documentation a newcomer reads first stays short, true to the code and whole: the
 * README starts with the two commands, the package map in {@code docs/architecture.md}
 * lists exactly the packages there are, and every link between the pages leads to a file
 * and a heading that exist.
 */
class DocumentationTest {

	private static final Path ROOT = Repository.ROOT;

	private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

	private static final Pattern MAPPED_PACKAGE = Pattern.compile("^\\|[^|]*\\| `([a-z][\\w.]*)` \\|",
			Pattern.MULTILINE);

	@Test
	void theReadmeIsShortAndItsFirstCommandsAreTheTwoANewcomerNeeds() throws IOException {
		List<String> lines = Files.readAllLines(ROOT.resolve("README.md"));

		assertThat(lines).hasSizeLessThanOrEqualTo(200);
		int firstBlock = lines.indexOf("```bash");
		assertThat(firstBlock).as("the README's first code block").isBetween(0, 30);
		assertThat(lines.get(firstBlock + 1)).startsWith("./run-local.sh");
		assertThat(lines.get(firstBlock + 2)).startsWith("mvn -B verify");
		assertThat(Files.readString(ROOT.resolve(".ci/run"))).contains("mvn -B verify");
	}

	@Test
	void thePackageMapListsEveryPackageOfTheCodeAndNoOther() throws IOException {
		Set<String> mapped = new TreeSet<>();
		Matcher row = MAPPED_PACKAGE.matcher(Files.readString(ROOT.resolve("docs/architecture.md")));
		while (row.find()) {
			mapped.add(row.group(1));
		}

		assertThat(mapped).isEqualTo(packagesInTheCode());
	}

	@Test
	void everyLinkBetweenThePagesLeadsToAFileAndAHeadingThatExist() throws IOException {
		List<String> broken = new ArrayList<>();
		List<Path> pages = new ArrayList<>();
		pages.add(ROOT.resolve("README.md"));
		try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
			docs.filter((file) -> file.toString().endsWith(".md")).sorted().forEach(pages::add);
		}
		for (Path page : pages) {
			Matcher link = LINK.matcher(Files.readString(page));
			while (link.find()) {
				String target = link.group(1);
				if (target.matches("^[a-z]+:.*")) {
					continue;
				}
				int hash = target.indexOf('#');
				String file = (hash < 0) ? target : target.substring(0, hash);
				Path resolved = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
				if (!Files.exists(resolved)) {
					broken.add(ROOT.relativize(page) + ": " + target + " (no such file)");
				}
				else if (hash >= 0 && !anchors(resolved).contains(target.substring(hash + 1))) {
					broken.add(ROOT.relativize(page) + ": " + target + " (no such heading)");
				}
			}
		}

		assertThat(broken).isEmpty();
	}

	/** The headings' anchors as GitHub makes them. */
	private static Set<String> anchors(Path page) {
		try {
			Set<String> anchors = new TreeSet<>();
			for (String line : Files.readAllLines(page)) {
				if (line.startsWith("#")) {
					anchors.add(line.replaceFirst("^#+ ", "")
						.strip()
						.toLowerCase(Locale.ROOT)
						.replaceAll("[^\\p{L}\\p{N}\\p{M}_\\- ]", "")
						.replace(' ', '-'));
				}
			}
			return anchors;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Set<String> packagesInTheCode() throws IOException {
		Set<String> packages = new TreeSet<>();
		try (Stream<Path> files = Files.walk(ROOT)) {
			files.filter((file) -> file.toString().endsWith(".java"))
				.map(ROOT::relativize)
				.map(Path::toString)
				.filter((file) -> file.contains("src/main/java/") && !file.contains("/target/"))
				.filter((file) -> !file.startsWith("node_modules"))
				.forEach((file) -> {
					String path = file.substring(file.indexOf("src/main/java/") + "src/main/java/".length());
					packages.add(path.substring(0, path.lastIndexOf('/')).replace('/', '.'));
				});
		}
		return packages;
	}

}
