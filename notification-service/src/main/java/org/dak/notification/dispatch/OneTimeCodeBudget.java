package org.dak.notification.dispatch;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * How many one-time codes one mobile or e-mail address is sent a day, over all items:
 * anyone may make items with somebody else's number and ask codes for them, and tracking
 * bounds the codes of each item only. Past the bound a code is not sent.
 */
@Component
class OneTimeCodeBudget {

	/** Codes a day to one number or address. */
	static final int PER_CONTACT_A_DAY = 10;

	private final MongoTemplate mongo;

	private final Clock clock = Clock.systemUTC();

	OneTimeCodeBudget(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * The codes sent to a contact on one day.
	 *
	 * @param id {@code <number or address> <day>}
	 * @param sent how many
	 */
	@Document("one_time_codes_sent")
	record Sent(@Id String id, int sent) {
	}

	/** Counts one more code to this contact today; whether it is within the bound. */
	boolean take(String to) {
		String id = to.strip().toLowerCase(java.util.Locale.ROOT) + " "
				+ LocalDate.now(this.clock.withZone(ZoneOffset.UTC));
		Sent counted = this.mongo.findAndModify(Query.query(Criteria.where("_id").is(id)), new Update().inc("sent", 1),
				FindAndModifyOptions.options().upsert(true).returnNew(true), Sent.class);
		return counted != null && counted.sent() <= PER_CONTACT_A_DAY;
	}

}
