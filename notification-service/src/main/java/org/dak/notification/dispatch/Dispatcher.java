package org.dak.notification.dispatch;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.dak.notification.delivery.DeliveryFailedException;
import org.dak.notification.delivery.MailGateway;
import org.dak.notification.delivery.SmsGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Sends each message once and logs it. The log entry is written before the send under an
 * ID made of event, channel and audience; a redelivered event finds it and sends nothing
 * more unless the earlier try never finished.
 */
@Service
class Dispatcher {

	private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

	private final MongoTemplate mongo;

	private final SmsGateway sms;

	private final MailGateway mail;

	private final MeterRegistry meters;

	Dispatcher(MongoTemplate mongo, SmsGateway sms, MailGateway mail, MeterRegistry meters) {
		this.mongo = mongo;
		this.sms = sms;
		this.mail = mail;
		this.meters = meters;
	}

	void dispatch(String eventId, String complaintId, List<Message> messages) {
		for (Message message : messages) {
			String id = eventId + ":" + message.channel() + ":" + message.audience();
			Notification notification = pending(id, complaintId, message);
			if (notification == null) {
				continue;
			}
			Timer.Sample sample = Timer.start(this.meters);
			String outcome;
			try {
				if ("SMS".equals(message.channel())) {
					this.sms.send(message.to(), message.text(), id);
				}
				else {
					this.mail.send(message.to(), message.subject(), message.text(), id);
				}
				this.mongo.save(notification.with("SENT", null));
				outcome = "sent";
			}
			catch (DeliveryFailedException ex) {
				log.warn("Notification {} for {} failed: {}", id, complaintId, ex.getMessage());
				this.mongo.save(notification.with("FAILED", ex.getMessage()));
				outcome = "failed";
			}
			sample.stop(this.meters.timer("dak.notifications.send", "channel", message.channel()));
			this.meters
				.counter("dak.notifications", "channel", message.channel(), "template", message.template(), "outcome",
						outcome)
				.increment();
		}
	}

	/** The log entry to send under, or {@code null} if this message was sent before. */
	private Notification pending(String id, String complaintId, Message message) {
		Instant now = Instant.now();
		Notification created = new Notification(id, complaintId, message.channel(), message.audience(),
				message.template(), mask(message), "PENDING", null, now, now);
		try {
			return this.mongo.insert(created);
		}
		catch (DuplicateKeyException ex) {
			Notification earlier = this.mongo.findById(id, Notification.class);
			return (earlier != null && "SENT".equals(earlier.status())) ? null : earlier;
		}
	}

	List<Notification> forComplaint(String complaintId) {
		return this.mongo.find(
				Query.query(Criteria.where("complaintId").is(complaintId)).with(Sort.by("createdAt", "channel")),
				Notification.class);
	}

	Optional<ApplicantContact> contact(String complaintId) {
		return Optional.ofNullable(this.mongo.findById(complaintId, ApplicantContact.class));
	}

	void remember(ApplicantContact contact) {
		this.mongo.save(contact);
	}

	private static String mask(Message message) {
		String to = message.to();
		if ("SMS".equals(message.channel())) {
			return "XXXXXX" + to.substring(Math.max(0, to.length() - 4));
		}
		int at = to.indexOf('@');
		return (at > 0) ? to.charAt(0) + "***" + to.substring(at) : "***";
	}

}
