package org.dak.deploy;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The image recipe ({@code infra/docker/Dockerfile}; no Docker engine here to build it):
 * what it copies is what the build makes, a layered Boot jar for each service, and the
 * image runs unprivileged with a health check.
 */
class DockerfileTest {

	private static final Path DOCKERFILE = Repository.ROOT.resolve("infra/docker/Dockerfile");

	@Test
	void eachServiceHasTheLayeredJarTheImageIsMadeFrom() throws IOException {
		String recipe = Files.readString(DOCKERFILE);
		assertThat(recipe).contains("COPY ${SERVICE}/target/${SERVICE}-*-exec.jar app.jar")
			.contains("-Djarmode=tools -jar app.jar extract --layers --launcher");

		for (String service : List.of("intake-service", "routing-service", "tracking-service", "notification-service",
				"gateway")) {
			List<Path> jars = new ArrayList<>();
			try (DirectoryStream<Path> found = Files
				.newDirectoryStream(Repository.ROOT.resolve(service).resolve("target"), service + "-*-exec.jar")) {
				found.forEach(jars::add);
			}
			assertThat(jars).as(service + ": exactly one jar for COPY to take").hasSize(1);
			try (ZipFile jar = new ZipFile(jars.get(0).toFile())) {
				assertThat(jar.getEntry("BOOT-INF/layers.idx")).as(service + " is a layered jar").isNotNull();
			}
		}
	}

	@Test
	void theImageRunsAsAnUnprivilegedUserWithAHealthCheckAndJsonLogs() throws IOException {
		String recipe = Files.readString(DOCKERFILE);

		assertThat(recipe).containsPattern("(?m)^USER 10001:10001$")
			.containsPattern("(?m)^HEALTHCHECK .*")
			.contains("/actuator/health/liveness")
			.contains("DAK_LOG_FORMAT=ecs")
			.containsPattern("(?m)^ENTRYPOINT \\[\"java\", \"org.springframework.boot.loader.launch.JarLauncher\"]$");
	}

}
