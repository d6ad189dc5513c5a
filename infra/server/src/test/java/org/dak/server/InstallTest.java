package org.dak.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.jar.JarFile;

import org.dak.testsupport.CommandLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code install.sh} from the release the build made, into a folder instead of {@code /}
 * (without systemd): a first install, then an upgrade to a newer release.
 */
class InstallTest {

	@TempDir
	Path server;

	@TempDir
	Path elsewhere;

	@Test
	void aFirstInstallLaysOutTheReleaseWithSettingsAndKeysOnlyTheServiceUserMayRead() throws Exception {
		Path release = Release.unpacked();
		String version = Files.readString(release.resolve("VERSION")).strip();

		CommandLine install = install(release);

		assertThat(install.exit()).as(install.all()).isZero();
		assertThat(install.output()).contains("installed " + version)
			.contains("the first administrator is 'admin' with password");
		Path current = this.server.resolve("opt/dak/current");
		assertThat(Files.readSymbolicLink(current)).isEqualTo(Path.of("releases", version));
		for (String jar : new String[] { "intake-service", "routing-service", "tracking-service",
				"notification-service", "gateway" }) {
			try (JarFile boot = new JarFile(current.resolve("lib/" + jar + ".jar").toFile())) {
				assertThat(boot.getManifest().getMainAttributes().getValue("Start-Class"))
					.as(jar + " is an executable Boot jar")
					.startsWith("org.dak.");
			}
		}
		assertThat(current.resolve("lib/infra")).isDirectoryContaining("glob:**/local-stack-*.jar")
			.isDirectoryContaining("glob:**/operator-*.jar")
			.isDirectoryContaining("glob:**/kafka_2.13-*.jar");

		Path env = this.server.resolve("etc/dak/dak.env");
		assertThat(permissions(env)).isEqualTo("rw-r-----");
		String settings = Files.readString(env);
		assertThat(settings).doesNotContainPattern("@[A-Z_]+@")
			.containsPattern("(?m)^DAK_KAFKA_CLUSTER_ID=[A-Za-z0-9_-]{22}$")
			.containsPattern("(?m)^DAK_ADMIN_PASSWORD=\\S{16,}$")
			.containsPattern("(?m)^DAK_DEMO_PASSWORD=$");
		Path keys = this.server.resolve("etc/dak/keys");
		assertThat(Files.readString(keys.resolve("token-signing-private.pem")))
			.startsWith("-----BEGIN PRIVATE KEY-----");
		assertThat(Files.readString(keys.resolve("sealing-public.pem"))).startsWith("-----BEGIN PUBLIC KEY-----");
		assertThat(permissions(keys.resolve("sealing-private.pem"))).isEqualTo("rw-r-----");
		assertThat(this.server.resolve("etc/systemd/system")).isDirectoryContaining("glob:**/dak.target")
			.isDirectoryContaining("glob:**/dak-gateway.service");
		assertThat(Files.readSymbolicLink(this.server.resolve("usr/local/bin/dak")))
			.isEqualTo(Path.of("/opt/dak/current/bin/dak"));
		assertThat(this.server.resolve("var/lib/dak/kafka")).isDirectory();
	}

	@Test
	void anUpgradeSwitchesTheReleaseAndKeepsTheSettingsKeysAndTheReleaseBefore() throws Exception {
		Path release = Release.unpacked();
		String version = Files.readString(release.resolve("VERSION")).strip();
		assertThat(install(release).exit()).isZero();
		Path env = this.server.resolve("etc/dak/dak.env");
		Files.writeString(env, Files.readString(env).replace("DAK_DISTRICT_CODE=NAL", "DAK_DISTRICT_CODE=PAT"));
		byte[] settings = Files.readAllBytes(env);
		byte[] key = Files.readAllBytes(this.server.resolve("etc/dak/keys/token-signing-private.pem"));
		Path newer = newerRelease(release, version + "-next");

		CommandLine upgrade = install(newer);

		assertThat(upgrade.exit()).as(upgrade.all()).isZero();
		assertThat(upgrade.output()).contains("upgraded from " + version + " to " + version + "-next")
			.doesNotContain("administrator");
		assertThat(Files.readSymbolicLink(this.server.resolve("opt/dak/current")))
			.isEqualTo(Path.of("releases", version + "-next"));
		assertThat(this.server.resolve("opt/dak/releases/" + version + "/lib/gateway.jar")).exists();
		assertThat(Files.readString(this.server.resolve("opt/dak/previous")).strip()).isEqualTo(version);
		assertThat(Files.readAllBytes(env)).as("the office's own settings").isEqualTo(settings);
		assertThat(Files.readAllBytes(this.server.resolve("etc/dak/keys/token-signing-private.pem"))).isEqualTo(key);
	}

	@Test
	void theScriptsAreValidBashAndTheCommandExplainsItself() {
		Path release = Release.unpacked();
		for (String script : new String[] { "bin/install.sh", "bin/dak" }) {
			CommandLine check = Release.run(release, "bash", "-n", script);
			assertThat(check.exit()).as(script + ": " + check.all()).isZero();
		}
		CommandLine help = Release.run(release, "bin/dak", "--help");
		assertThat(help.exit()).isZero();
		assertThat(help.output()).contains("dak restart --rolling")
			.contains("dak rollback")
			.contains("dak dlt replay")
			.contains("dak backup FOLDER")
			.contains("dak rebuild tracking");
		assertThat(Release.run(release, "bin/dak", "rebuild", "routing").all())
			.contains("tracking is the one to rebuild");
		assertThat(Release.run(release, "bin/dak", "restart", "nonsense").all())
			.contains("no process called 'nonsense'");
	}

	private CommandLine install(Path release) {
		return Release.run(release, "bash", "bin/install.sh", "--prefix", this.server.toString(), "--no-systemd");
	}

	/** A copy of the release that says it is {@code version}. */
	private Path newerRelease(Path release, String version) throws Exception {
		Path newer = this.elsewhere.resolve("dak-server-" + version);
		CommandLine copy = Release.run(release.getParent(), "cp", "-a", release.toString(), newer.toString());
		assertThat(copy.exit()).as(copy.all()).isZero();
		Files.writeString(newer.resolve("VERSION"), version + "\n");
		return newer;
	}

	private static String permissions(Path file) throws Exception {
		return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
	}

}
