package org.dak.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.Uuid;

/**
 * A real Apache Kafka broker (KRaft, combined broker and controller) as a child process,
 * run from the Maven artifacts: alone, or one node of a {@link KafkaCluster}. Its log
 * directory is formatted once and kept, so topics and offsets survive a restart;
 * {@link #stop()} and {@link #start()} again is a broker outage and recovery.
 */
public final class KafkaBroker {

	private final Path dataDir;

	private final int nodeId;

	private final int port;

	private final int controllerPort;

	private final String voters;

	private final int replicas;

	private final String clusterId;

	private final String classpath;

	private ChildProcess process;

	/**
	 * A broker on its own: every topic has one copy.
	 * @param dataDir where the broker keeps its configuration and logs
	 * @param port the client port on 127.0.0.1
	 * @param controllerPort the KRaft controller port on 127.0.0.1
	 * @param classpath a class path with {@code kafka_2.13} and a log4j2 binding
	 */
	public KafkaBroker(Path dataDir, int port, int controllerPort, String classpath) {
		this(dataDir, 1, port, controllerPort, "1@127.0.0.1:" + controllerPort, 1, null, classpath);
	}

	/**
	 * One node of a cluster.
	 * @param nodeId its node ID, one of the voters'
	 * @param voters the controller quorum ({@code 1@127.0.0.1:9093,2@…})
	 * @param replicas copies of each partition (the internal topics' too); with more than
	 * one, a write needs {@code replicas - 1} of them in sync
	 * @param clusterId the cluster's ID, the same for every node (null: a new one)
	 */
	KafkaBroker(Path dataDir, int nodeId, int port, int controllerPort, String voters, int replicas, String clusterId,
			String classpath) {
		this.dataDir = dataDir;
		this.nodeId = nodeId;
		this.port = port;
		this.controllerPort = controllerPort;
		this.voters = voters;
		this.replicas = replicas;
		this.clusterId = clusterId;
		this.classpath = classpath;
	}

	public int nodeId() {
		return this.nodeId;
	}

	/** {@code kafka} alone, {@code kafka-<node ID>} in a cluster. */
	public String name() {
		return this.voters.contains(",") ? "kafka-" + this.nodeId : "kafka";
	}

	/** Where its output goes. */
	public Path logFile() {
		return this.dataDir.resolve("kafka.log");
	}

	public String bootstrapServers() {
		return "127.0.0.1:" + this.port;
	}

	/** Formats the storage if it is new, starts the broker and waits for its port. */
	public KafkaBroker start() {
		try {
			Files.createDirectories(this.dataDir);
			Path config = this.dataDir.resolve("server.properties");
			Files.writeString(config, serverProperties());
			Path log4j = this.dataDir.resolve("log4j2.properties");
			Files.writeString(log4j, LOG4J2);
			List<String> jvm = new ArrayList<>(ChildProcess.smallJvm("256m", "48m"));
			jvm.add("-XX:TieredStopAtLevel=1");
			jvm.add("-Dlog4j2.configurationFile=" + log4j);
			if (!Files.exists(this.dataDir.resolve("logs").resolve("meta.properties"))) {
				ChildProcess
					.java("kafka-storage-format", this.classpath, "kafka.tools.StorageTool", jvm,
							List.of("format", "--config", config.toString(), "--cluster-id",
									(this.clusterId != null) ? this.clusterId : Uuid.randomUuid().toString(),
									"--ignore-formatted"),
							this.dataDir.resolve("format.log"))
					.runToCompletion(Duration.ofMinutes(1));
			}
			this.process = ChildProcess
				.java(name(), this.classpath, "kafka.Kafka", jvm, List.of(config.toString()),
						this.dataDir.resolve("kafka.log"))
				.start();
			this.process.awaitReady(() -> Probes.portOpen(this.port), Duration.ofSeconds(90));
			return this;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public void stop() {
		stop(Duration.ofSeconds(20));
	}

	/** Stops the broker, killing it if it has not stopped within {@code grace}. */
	public void stop(Duration grace) {
		if (this.process != null) {
			this.process.stop(grace);
		}
	}

	/** Kills the broker at once ({@code kill -9}): no clean shutdown, no flush. */
	public void kill() {
		if (this.process != null) {
			this.process.kill();
		}
	}

	/** Freezes the broker (SIGSTOP), as a hung machine would be. */
	public void pause() {
		if (this.process != null) {
			this.process.pause();
		}
	}

	/** Lets a frozen broker run on (SIGCONT). */
	public void resume() {
		if (this.process != null) {
			this.process.resume();
		}
	}

	/** The broker's process ID, or -1. */
	public long pid() {
		return (this.process != null) ? this.process.pid() : -1;
	}

	public boolean isRunning() {
		return this.process != null && this.process.isAlive();
	}

	private String serverProperties() {
		int inSync = Math.max(1, this.replicas - 1);
		return """
				process.roles=broker,controller
				node.id=%4$d
				controller.quorum.voters=%5$s
				listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
				advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
				controller.listener.names=CONTROLLER
				inter.broker.listener.name=PLAINTEXT
				listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
				log.dirs=%3$s
				num.partitions=6
				default.replication.factor=%6$d
				min.insync.replicas=%7$d
				offsets.topic.replication.factor=%6$d
				transaction.state.log.replication.factor=%6$d
				transaction.state.log.min.isr=%7$d
				share.coordinator.state.topic.replication.factor=%6$d
				share.coordinator.state.topic.min.isr=%7$d
				group.initial.rebalance.delay.ms=0
				log.retention.hours=-1
				""".formatted(this.port, this.controllerPort,
				this.dataDir.resolve("logs").toString().replace('\\', '/'), this.nodeId, this.voters, this.replicas,
				inSync);
	}

	private static final String LOG4J2 = """
			status = warn
			appender.console.type = Console
			appender.console.name = STDOUT
			appender.console.layout.type = PatternLayout
			appender.console.layout.pattern = [%d] %p %m (%c)%n
			rootLogger.level = INFO
			rootLogger.appenderRef.stdout.ref = STDOUT
			logger.kafka.name = kafka
			logger.kafka.level = WARN
			logger.apache.name = org.apache.kafka
			logger.apache.level = WARN
			logger.started.name = kafka.server.KafkaRaftServer
			logger.started.level = INFO
			""";

}
