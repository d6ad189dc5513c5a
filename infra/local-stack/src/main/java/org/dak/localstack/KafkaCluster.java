package org.dak.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;

/**
 * Several {@link KafkaBroker}s on this machine as one KRaft cluster: each node is both
 * broker and controller (the quorum survives one lost node of three), every partition has
 * a copy on each node and a write is acknowledged once two hold it
 * ({@code min.insync.replicas = nodes - 1}). The cluster's ID is kept with the data, so
 * the nodes find each other again after a restart.
 */
public final class KafkaCluster {

	private final List<KafkaBroker> brokers = new ArrayList<>();

	/**
	 * @param dataDir where the nodes keep their data ({@code node-1}, {@code node-2} …)
	 * @param ports each node's client port
	 * @param controllerPorts each node's controller port, in the same order
	 * @param classpath a class path with {@code kafka_2.13} and a log4j2 binding
	 */
	public KafkaCluster(Path dataDir, List<Integer> ports, List<Integer> controllerPorts, String classpath) {
		String clusterId = clusterId(dataDir);
		String voters = java.util.stream.IntStream.range(0, ports.size())
			.mapToObj((i) -> (i + 1) + "@127.0.0.1:" + controllerPorts.get(i))
			.collect(Collectors.joining(","));
		for (int i = 0; i < ports.size(); i++) {
			this.brokers.add(new KafkaBroker(dataDir.resolve("node-" + (i + 1)), i + 1, ports.get(i),
					controllerPorts.get(i), voters, ports.size(), clusterId, classpath));
		}
	}

	/** Every node's address, as clients are given them. */
	public String bootstrapServers() {
		return this.brokers.stream().map(KafkaBroker::bootstrapServers).collect(Collectors.joining(","));
	}

	public List<KafkaBroker> brokers() {
		return List.copyOf(this.brokers);
	}

	/** The node with this ID (from 1). */
	public KafkaBroker node(int nodeId) {
		return this.brokers.get(nodeId - 1);
	}

	/** Starts every node at once: none is ready before a majority of them runs. */
	public KafkaCluster start() {
		CompletableFuture
			.allOf(this.brokers.stream()
				.map((broker) -> CompletableFuture.runAsync(broker::start))
				.toArray(CompletableFuture[]::new))
			.join();
		return this;
	}

	public void stop() {
		this.brokers.parallelStream().forEach(KafkaBroker::stop);
	}

	/**
	 * The node that leads the partitions with the most records of these topics: the one
	 * whose loss moves the most traffic.
	 */
	public int leaderOfTheBusiestPartitions(Collection<String> topics) {
		Properties properties = new Properties();
		properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
		try (Admin admin = Admin.create(properties)) {
			Map<String, TopicDescription> described = admin.describeTopics(topics)
				.allTopicNames()
				.get(30, TimeUnit.SECONDS);
			Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
			Map<TopicPartition, Integer> leaders = new HashMap<>();
			for (TopicDescription topic : described.values()) {
				for (TopicPartitionInfo partition : topic.partitions()) {
					TopicPartition key = new TopicPartition(topic.name(), partition.partition());
					latest.put(key, OffsetSpec.latest());
					if (partition.leader() != null) {
						leaders.put(key, partition.leader().id());
					}
				}
			}
			Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> offsets = admin.listOffsets(latest)
				.all()
				.get(30, TimeUnit.SECONDS);
			Map<Integer, Long> records = new HashMap<>();
			leaders.forEach((partition, leader) -> records.merge(leader, offsets.get(partition).offset(), Long::sum));
			return records.entrySet()
				.stream()
				.max(Comparator.comparingLong(Map.Entry::getValue))
				.map(Map.Entry::getKey)
				.orElse(1);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Cannot read the cluster's partitions: " + ex, ex);
		}
	}

	private static String clusterId(Path dataDir) {
		try {
			Files.createDirectories(dataDir);
			Path file = dataDir.resolve("cluster.id");
			if (!Files.exists(file)) {
				Files.writeString(file, Uuid.randomUuid().toString());
			}
			return Files.readString(file).trim();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
