package org.dak.notification.dispatch;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.dak.notification.NotificationProperties;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;

/**
 * The token the SMS provider sends with its delivery receipts: {@code SMS_CALLBACK_TOKEN}
 * when it is set, else one made at the first start, kept in the database (so every
 * instance and every restart has the same) and shown once in the log of the instance that
 * made it. No token ships with the system.
 */
@Component
class CallbackToken {

	private static final Log logger = LogFactory.getLog(CallbackToken.class);

	private static final String ID = "sms-callback-token";

	private final MongoTemplate mongo;

	private final String configured;

	private volatile byte[] token;

	@Autowired
	CallbackToken(MongoTemplate mongo, NotificationProperties properties) {
		this(mongo, properties.sms().callbackToken());
	}

	CallbackToken(MongoTemplate mongo, String configured) {
		this.mongo = mongo;
		this.configured = configured;
	}

	/**
	 * A setting the service made itself.
	 *
	 * @param id what it is
	 * @param value its value
	 */
	@Document("generated_settings")
	record Generated(@Id String id, String value) {
	}

	/**
	 * Makes the token, if it is to be made, as the service starts (and shows it then).
	 */
	@EventListener(ApplicationReadyEvent.class)
	void atStart() {
		try {
			token();
		}
		catch (RuntimeException ex) {
			// the database is away: made at the first delivery receipt instead
			logger.warn("The SMS callback token could not be read yet: " + ex.getMessage());
		}
	}

	/** Whether a delivery receipt carries the token. */
	boolean matches(String sent) {
		return sent != null && MessageDigest.isEqual(token(), sent.getBytes(StandardCharsets.UTF_8));
	}

	private byte[] token() {
		if (this.token == null) {
			this.token = ((this.configured != null && !this.configured.isBlank()) ? this.configured : generated())
				.getBytes(StandardCharsets.UTF_8);
		}
		return this.token;
	}

	private String generated() {
		Generated kept = this.mongo.findById(ID, Generated.class);
		if (kept != null) {
			return kept.value();
		}
		byte[] random = new byte[24];
		new SecureRandom().nextBytes(random);
		Generated made = new Generated(ID, Base64.getUrlEncoder().withoutPadding().encodeToString(random));
		try {
			this.mongo.insert(made);
		}
		catch (DuplicateKeyException ex) {
			// another instance made one at the same moment: that one is the token
			return this.mongo.findById(ID, Generated.class).value();
		}
		logger.warn("\n\n    No SMS_CALLBACK_TOKEN was set: the SMS provider's delivery receipts must carry "
				+ "X-Dak-Callback-Token: " + made.value() + "\n    It is shown this once, here (or set your own "
				+ "in SMS_CALLBACK_TOKEN).\n");
		return made.value();
	}

}
