package org.dak.deploy;

import java.util.Arrays;
import java.util.List;

import org.dak.testsupport.CommandLine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code infra/compose/compose.yaml} as Docker Compose reads it ({@code docker-compose
 * config}, no Docker engine needed): one broker by default, three with the cluster
 * profile.
 */
class ComposeTest {

	private static final String FILE = "infra/compose/compose.yaml";

	@BeforeAll
	static void compose() {
		assumeTrue(CommandLine.installed("docker-compose"), "docker-compose is not installed (.ci/run installs it)");
	}

	@Test
	void byDefaultOneBrokerTheDatabaseEveryServiceTheStandInsAndMonitoring() {
		CommandLine config = Repository.run("docker-compose", "-f", FILE, "config");
		assertThat(config.exit()).as(config.errors()).isZero();

		List<String> services = services();

		assertThat(services).containsExactlyInAnyOrder("kafka", "kafka-2", "kafka-3", "mongodb", "keys", "intake",
				"routing", "tracking", "notification", "gateway", "mail", "sms", "prometheus", "grafana");
		assertThat(block(config.output(), "kafka")).doesNotContain("profiles:");
		for (String other : new String[] { "kafka-2", "kafka-3" }) {
			assertThat(block(config.output(), other)).as(other + " starts with the cluster profile only")
				.contains("profiles:\n    - cluster");
		}
		assertThat(config.output()).contains("KAFKA_BOOTSTRAP_SERVERS: kafka:9092")
			.contains("MONGODB_URI: mongodb://mongodb:27017/?replicaSet=rs0")
			.contains("condition: service_healthy");
	}

	@Test
	void theClusterProfileAddsTwoBrokersAndEveryTopicIsKeptOnThreeAndWrittenToTwo() {
		CommandLine config = Repository.run("docker-compose", "-f", FILE, "--env-file", "infra/compose/cluster.env",
				"--profile", "cluster", "config");
		assertThat(config.exit()).as(config.errors()).isZero();

		assertThat(config.output()).contains("kafka-2:", "kafka-3:")
			.contains("KAFKA_BOOTSTRAP_SERVERS: kafka:9092,kafka-2:9092,kafka-3:9092")
			.contains("KAFKA_CONTROLLER_QUORUM_VOTERS: 1@kafka:9093,2@kafka-2:9093,3@kafka-3:9093")
			.contains("KAFKA_MIN_INSYNC_REPLICAS: '2'")
			.contains("KAFKA_REPLICATION_FACTOR: '3'");
	}

	@Test
	void onlyTheGatewayIsPublishedToTheNetworkAndTheToolsForPeopleOnThisMachine() {
		CommandLine config = Repository.run("docker-compose", "-f", FILE, "config");

		// the mail inbox holds every access and one-time code sent: never on the network
		assertThat(config.output())
			.contains("published: 8080", "127.0.0.1:8025:8025", "127.0.0.1:9090:9090", "127.0.0.1:3000:3000")
			.doesNotContain("published: 8025", "published: 9090", "published: 3000", "published: 9092",
					"published: 27017", ":9092:", ":27017:");
	}

	@Test
	void noSecretShipsWithTheFile() {
		CommandLine config = Repository.run("docker-compose", "-f", FILE, "config");

		// without them in the shell, the gateway and the notification service make their
		// own at first start and show them once
		assertThat(config.output()).contains("DAK_ADMIN_PASSWORD: ''", "SMS_CALLBACK_TOKEN: ''")
			.doesNotContainIgnoringCase("change-me");
	}

	@Test
	void aMistakeInTheFileIsFound() {
		CommandLine config = Repository.run("sh", "-c",
				"mkdir -p infra/deploy/target && sed 's/condition: service_healthy/condition: service_heathy/' " + FILE
						+ " > infra/deploy/target/broken.yaml"
						+ " && docker-compose -f infra/deploy/target/broken.yaml config -q");

		assertThat(config.exit()).isNotZero();
	}

	/** One service's part of the configuration Compose printed. */
	private static String block(String config, String service) {
		String[] parts = config.split("(?m)^(?=  [a-z0-9-]+:$)");
		return Arrays.stream(parts)
			.filter((part) -> part.startsWith("  " + service + ":\n"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no service " + service));
	}

	private static List<String> services() {
		CommandLine list = Repository.run("docker-compose", "-f", FILE, "config", "--services");
		return Arrays.stream(list.output().split("\n")).filter((line) -> !line.isBlank()).toList();
	}

}
