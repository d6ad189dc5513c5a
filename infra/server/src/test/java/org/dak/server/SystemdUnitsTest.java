package org.dak.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.dak.testsupport.CommandLine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The release's systemd units as systemd itself reads them ({@code systemd-analyze
 * verify}, against a file tree that has what the units name: the install layout, a
 * {@code java}, the system's own units), and what each must say to be safe to run.
 */
class SystemdUnitsTest {

	@TempDir
	Path root;

	List<Path> units;

	@BeforeEach
	void aServerWithTheReleaseInstalled() throws Exception {
		assumeTrue(Release.onPath("systemd-analyze"), "systemd-analyze is not installed (.ci/run installs it)");
		Path release = Release.unpacked();
		CommandLine install = Release.run(release, "bash", "bin/install.sh", "--prefix", this.root.toString(),
				"--no-systemd");
		assertThat(install.exit()).as(install.all()).isZero();
		Path java = this.root.resolve("usr/bin/java");
		Files.createDirectories(java.getParent());
		Files.writeString(java, "#!/bin/sh\n");
		java.toFile().setExecutable(true);
		Path system = this.root.resolve("usr/lib/systemd/system");
		Files.createDirectories(system.getParent());
		CommandLine copy = Release.run(this.root, "cp", "-a", "/usr/lib/systemd/system", system.toString());
		assertThat(copy.exit()).as(copy.all()).isZero();
		try (Stream<Path> files = Files.list(this.root.resolve("etc/systemd/system"))) {
			this.units = files.filter((file) -> file.getFileName().toString().startsWith("dak")).sorted().toList();
		}
	}

	@Test
	void systemdFindsNothingWrongInAnyUnit() {
		assertThat(this.units).hasSize(8);

		CommandLine verify = verify(this.units);

		assertThat(verify.all()).as("systemd-analyze verify").isEmpty();
		assertThat(verify.exit()).isZero();
	}

	@Test
	void aMistakeInAUnitIsFound() throws Exception {
		Path broken = this.root.resolve("etc/systemd/system/dak-broken.service");
		Files.writeString(broken,
				Files.readString(this.units.get(1))
					.replace("Restart=on-failure", "Restrat=on-failure")
					.replace("/usr/bin/java", "/usr/bin/no-such-java"));

		CommandLine verify = verify(List.of(broken));

		assertThat(verify.all()).contains("Unknown key 'Restrat'").contains("/usr/bin/no-such-java");
	}

	@Test
	void everyProcessRestartsOnFailureAsTheServiceUserWithLimitsAndLogsToTheJournal() {
		for (Path unit : this.units) {
			if (unit.toString().endsWith(".target")) {
				continue;
			}
			String text = read(unit);
			assertThat(text).as(unit.getFileName().toString())
				.contains("Restart=on-failure", "User=dak", "EnvironmentFile=/etc/dak/dak.env", "MemoryMax=",
						"TasksMax=", "NoNewPrivileges=yes", "ProtectSystem=strict", "ReadWritePaths=/var/lib/dak",
						"WantedBy=dak.target")
				.doesNotContain("StandardOutput=file");
		}
	}

	@Test
	void onlyTheGatewayReadsTheSigningKeyAndOnlyNotificationTheSealingKey() {
		for (Path unit : this.units) {
			String name = unit.getFileName().toString();
			if (name.endsWith(".target")) {
				continue;
			}
			String text = read(unit);
			assertThat(text.contains("InaccessiblePaths=") && text.contains("token-signing-private.pem"))
				.as(name + " cannot read the token-signing key")
				.isEqualTo(!name.equals("dak-gateway.service"));
			assertThat(text.contains("InaccessiblePaths=") && text.contains("sealing-private.pem"))
				.as(name + " cannot read the sealing key")
				.isEqualTo(!name.equals("dak-notification.service"));
		}
	}

	private CommandLine verify(List<Path> files) {
		List<String> command = new ArrayList<>(List.of("systemd-analyze", "verify", "--root=" + this.root));
		files.forEach((file) -> command.add("/" + this.root.relativize(file)));
		return Release.run(this.root, command.toArray(String[]::new));
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
