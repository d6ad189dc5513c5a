package org.dak.notification.dispatch;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.dak.notification.template.Template;

import org.springframework.stereotype.Component;

/**
 * Applicants' opt-outs, per item and channel. An opt-out holds for that item only: a
 * mobile or an e-mail given with an item is never verified, so whoever made an item with
 * somebody else's number can silence the messages of that item, never the messages of
 * that person's own items. The receipt and a one-time code the applicant asked for are
 * always sent.
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
	 * @param id {@code <channel>:<complaint ID>}
	 * @param at since when
	 * @param with what the applicant showed for it (the access code)
	 */
	@Document("item_opt_outs")
	record OptOut(@Id String id, Instant at, String with) {
	}

	/** Whether a message of this template may be held back by an opt-out. */
	static boolean mayBeHeldBack(String template, String audience) {
		return "APPLICANT".equals(audience) && !Template.RECEIVED.key().equals(template)
				&& !Template.ONE_TIME_CODE.key().equals(template);
	}

	boolean optedOut(String complaintId, String channel) {
		return complaintId != null && this.mongo.findById(key(complaintId, channel), OptOut.class) != null;
	}

	void set(String complaintId, String channel, boolean wanted, String with) {
		if (wanted) {
			this.mongo.remove(new OptOut(key(complaintId, channel), null, null));
		}
		else {
			this.mongo.save(new OptOut(key(complaintId, channel), Instant.now(), with));
		}
	}

	private static String key(String complaintId, String channel) {
		return channel + ":" + complaintId;
	}

}
