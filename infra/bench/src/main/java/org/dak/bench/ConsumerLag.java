package org.dak.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;

/**
 * How many records the consumer groups of the broker have still to take: the work the
 * services have not done yet. Tracking's count can stand still while another service
 * (notification, say) is still working through the fill, and CPU "with no traffic" must
 * not be measured then.
 */
final class ConsumerLag implements AutoCloseable {

	private final Admin admin;

	ConsumerLag(String bootstrapServers) {
		Properties properties = new Properties();
		properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
		properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
		this.admin = Admin.create(properties);
	}

	/**
	 * Records behind, summed over every group and partition; -1 if the broker did not
	 * say.
	 */
	long total() {
		try {
			long lag = 0;
			// groups with members: the services; a reader that came and went (a test's)
			// is
			// left behind at its last offset for good and says nothing about the system
			ListConsumerGroupsOptions live = new ListConsumerGroupsOptions().inGroupStates(
					Set.of(GroupState.STABLE, GroupState.PREPARING_REBALANCE, GroupState.COMPLETING_REBALANCE));
			for (ConsumerGroupListing group : this.admin.listConsumerGroups(live).all().get(10, TimeUnit.SECONDS)) {
				Map<TopicPartition, OffsetAndMetadata> committed = this.admin.listConsumerGroupOffsets(group.groupId())
					.partitionsToOffsetAndMetadata()
					.get(10, TimeUnit.SECONDS);
				Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
				committed.keySet().forEach((partition) -> latest.put(partition, OffsetSpec.latest()));
				var ends = this.admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
				for (var entry : committed.entrySet()) {
					if (entry.getValue() != null && ends.containsKey(entry.getKey())) {
						lag += Math.max(0, ends.get(entry.getKey()).offset() - entry.getValue().offset());
					}
				}
			}
			return lag;
		}
		catch (ExecutionException | TimeoutException ex) {
			return -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	@Override
	public void close() {
		this.admin.close();
	}

}
