package org.dak.notification.dispatch;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;

/**
 * Applicants' opt-outs, per number or address (so they hold for all of one person's
 * items). The receipt itself is always sent.
 */
@Component
class Preferences {

	private final MongoTemplate mongo;

	Preferences(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * One opt-out.
	 *
	 * @param id {@code <channel>:<number or address>}
	 * @param at since when
	 */
	@Document("opt_outs")
	record OptOut(@Id String id, Instant at) {
	}

	boolean optedOut(String channel, String to) {
		return to != null && this.mongo.findById(key(channel, to), OptOut.class) != null;
	}

	void set(String channel, String to, boolean wanted) {
		if (to == null) {
			return;
		}
		if (wanted) {
			this.mongo.remove(new OptOut(key(channel, to), null));
		}
		else {
			this.mongo.save(new OptOut(key(channel, to), Instant.now()));
		}
	}

	private static String key(String channel, String to) {
		return channel + ":" + to.strip().toLowerCase(java.util.Locale.ROOT);
	}

}
