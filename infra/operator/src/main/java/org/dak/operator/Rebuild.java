package org.dak.operator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.bson.Document;

/**
 * Asks a service to rebuild what it keeps from the topics at its next start. Tracking is
 * the one whose data the topics hold whole: its cases. The request is a mark in the
 * service's {@code maintenance} collection, which the service takes away once the rebuild
 * is done; the service must be stopped meanwhile (none of its consumers in the group), so
 * that it answers nothing while its cases are made again.
 */
final class Rebuild {

	/** What can be rebuilt: by the name the operator uses. */
	private static final Map<String, Target> TARGETS = Map.of("tracking",
			new Target("tracking-service", "dak_tracking", "rebuild requested: the cases, from the topics",
					"its cases (status, timeline, deadlines) and the messages sent about each item"));

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final String mongoUri;

	private final String bootstrapServers;

	Rebuild(String mongoUri, String bootstrapServers) {
		this.mongoUri = mongoUri;
		this.bootstrapServers = bootstrapServers;
	}

	/**
	 * A service that can be rebuilt.
	 *
	 * @param group its consumer group (its application name)
	 * @param database its database, unless the operator names another
	 * @param mark the {@code _id} of the request in its {@code maintenance} collection
	 * @param what what it rebuilds, in the operator's words
	 */
	record Target(String group, String database, String mark, String what) {
	}

	static List<String> names() {
		return TARGETS.keySet().stream().sorted().toList();
	}

	/**
	 * Leaves the request for the service's next start.
	 * @param service the operator's name for the service ({@code tracking})
	 * @param database its database, or {@code null} for the usual one
	 * @return what the service will do
	 * @throws IllegalArgumentException for a service that has nothing to rebuild
	 * @throws IllegalStateException while the service is running
	 */
	Target request(String service, String database) {
		Target target = TARGETS.get(service);
		if (target == null) {
			throw new IllegalArgumentException(
					"'" + service + "' has nothing to rebuild from the topics; one of: " + names());
		}
		int running = consumers(target.group());
		if (running > 0) {
			throw new IllegalStateException(target.group() + " is still running (" + running
					+ " consumers in its group): stop it first (dak stop " + service + ")");
		}
		try (MongoClient mongo = MongoClients.create(this.mongoUri)) {
			mongo.getDatabase((database != null) ? database : target.database())
				.getCollection("maintenance")
				.replaceOne(Filters.eq("_id", target.mark()),
						new Document("_id", target.mark()).append("at", java.util.Date.from(Instant.now())),
						new ReplaceOptions().upsert(true));
		}
		return target;
	}

	/** The members of a consumer group now: none once its service has stopped. */
	private int consumers(String group) {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers,
				AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis()))) {
			ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group))
				.all()
				.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)
				.get(group);
			return (description != null) ? description.members().size() : 0;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof GroupIdNotFoundException) {
				return 0;
			}
			throw new IllegalStateException("the broker at " + this.bootstrapServers
					+ " did not say who is in the group " + group + ": " + ex.getMessage(), ex);
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException("the broker at " + this.bootstrapServers
					+ " did not say who is in the group " + group + ": " + ex.getMessage(), ex);
		}
	}

}
