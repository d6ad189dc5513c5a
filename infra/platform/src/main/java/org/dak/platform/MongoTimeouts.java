package org.dak.platform;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.mongodb.MongoClientSettings;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the gateway or a service waits for MongoDB before it gives up and answers 503
 * with {@code Retry-After}: a database that is down, or up but frozen, must not hang
 * every caller (the driver's own defaults wait 30 s to find a server and forever for an
 * answer).
 *
 * @param serverSelection to find a usable server
 * @param connect to open a connection
 * @param read for the answer to one operation (reads and single-document writes here take
 * milliseconds; a dashboard over a large archive should stay well under it)
 * @param poolWait for a free pooled connection
 */
@ConfigurationProperties("dak.mongodb.timeouts")
public record MongoTimeouts(@DefaultValue("2s") Duration serverSelection, @DefaultValue("2s") Duration connect,
		@DefaultValue("3s") Duration read, @DefaultValue("2s") Duration poolWait) {

	/** Applies the timeouts to the driver's settings. */
	public void applyTo(MongoClientSettings.Builder settings) {
		settings
			.applyToClusterSettings(
					(cluster) -> cluster.serverSelectionTimeout(this.serverSelection.toMillis(), TimeUnit.MILLISECONDS))
			.applyToSocketSettings((socket) -> socket.connectTimeout(this.connect.toMillis(), TimeUnit.MILLISECONDS)
				.readTimeout(this.read.toMillis(), TimeUnit.MILLISECONDS))
			.applyToConnectionPoolSettings((pool) -> pool.maxWaitTime(this.poolWait.toMillis(), TimeUnit.MILLISECONDS));
	}

}
