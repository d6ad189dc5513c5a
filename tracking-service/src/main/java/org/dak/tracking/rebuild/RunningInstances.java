package org.dak.tracking.rebuild;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;

import org.bson.Document;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The instances of tracking that run now, each seen by the beat it writes every few
 * seconds to {@value #COLLECTION} (one small document per instance, named by its host and
 * port, so that an instance started again after a crash is not its own sibling; one not
 * heard from for a day is removed, so the collection holds about as many documents as
 * instances run).
 */
@Component
public class RunningInstances implements DisposableBean {

	static final String COLLECTION = "running_instances";

	/** An instance not heard from for this long has stopped. */
	private static final Duration SILENT = Duration.ofSeconds(20);

	private final MongoTemplate mongo;

	private final String self;

	RunningInstances(MongoTemplate mongo, @Value("${server.port:8080}") String port) {
		this.mongo = mongo;
		this.self = host() + ":" + port;
	}

	/** Whether another instance has been heard from lately. */
	public boolean othersRunning() {
		return this.mongo.exists(
				Query.query(Criteria.where("_id").ne(this.self).and("seenAt").gt(Instant.now().minus(SILENT))),
				COLLECTION);
	}

	@Scheduled(fixedDelay = 5_000)
	public void beat() {
		Instant now = Instant.now();
		this.mongo.upsert(Query.query(Criteria.where("_id").is(this.self)), new Update().set("seenAt", now),
				COLLECTION);
		this.mongo.remove(Query.query(Criteria.where("seenAt").lt(now.minus(Duration.ofDays(1)))), COLLECTION);
	}

	/** A clean stop says so at once. */
	@Override
	public void destroy() {
		this.mongo.remove(new Document("_id", this.self), COLLECTION);
	}

	private static String host() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "localhost";
		}
	}

}
