package org.dak.notification.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.dak.notification.NotificationProperties;
import org.dak.notification.delivery.DeliveryFailedException;
import org.dak.notification.delivery.MailGateway;
import org.dak.notification.delivery.SmsProvider;
import org.dak.notification.template.Template;
import org.dak.notification.template.Templates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends what is due, on its own thread: the event consumers only queue, so a slow or
 * failing provider never holds them up. A message the provider refuses for good fails at
 * once (and goes to the applicant's other channel); one that meets a time-out, a 5xx, a
 * 429, an open circuit or a busy provider waits longer each time and is tried again,
 * until the retry window closes and it is a technical failure (and goes to the other
 * channel).
 */
@Component
class NotificationSender implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(NotificationSender.class);

	private static final Duration ROUND = Duration.ofSeconds(1);

	private final NotificationQueue queue;

	private final Templates templates;

	private final SmsProvider sms;

	private final MailGateway mail;

	private final MeterRegistry meters;

	private final NotificationProperties.Retry retry;

	private final Fallbacks fallbacks;

	private final int smsSenders;

	private final int mailSenders;

	private final ExecutorService smsPool;

	private final ExecutorService mailPool;

	/**
	 * Messages sent whose "sent" the database did not take (it was down or too slow):
	 * they are recorded before anything else is sent, and one claimed again meanwhile is
	 * recorded, never sent again. (A process that dies in that moment sends it once more
	 * when it is taken up again: e-mail and SMS cannot be taken back.)
	 */
	private final Map<String, Notification> sentNotRecorded = new ConcurrentHashMap<>();

	NotificationSender(NotificationQueue queue, Templates templates, SmsProvider sms, MailGateway mail,
			MeterRegistry meters, NotificationProperties properties, Fallbacks fallbacks) {
		this.queue = queue;
		this.templates = templates;
		this.sms = sms;
		this.mail = mail;
		this.meters = meters;
		this.retry = properties.retry();
		this.fallbacks = fallbacks;
		this.smsSenders = properties.sms().callsAtOnce();
		this.mailSenders = properties.mail().callsAtOnce();
		this.smsPool = Executors.newFixedThreadPool(this.smsSenders, named("sms-sender"));
		this.mailPool = Executors.newFixedThreadPool(this.mailSenders, named("mail-sender"));
	}

	private static ThreadFactory named(String name) {
		return (task) -> {
			Thread thread = new Thread(task, name);
			thread.setDaemon(true);
			return thread;
		};
	}

	@Override
	public void destroy() {
		this.smsPool.shutdownNow();
		this.mailPool.shutdownNow();
	}

	/**
	 * SMS and e-mail are sent on threads of their own: a slow SMS provider holds up no
	 * mail.
	 */
	@Scheduled(fixedDelayString = "${dak.notification.retry.sender-interval:1s}")
	void sendDueSms() {
		sendDue("SMS");
	}

	@Scheduled(fixedDelayString = "${dak.notification.retry.sender-interval:1s}")
	void sendDueEmail() {
		sendDue("EMAIL");
	}

	/**
	 * One round of a channel: as many senders as the provider takes calls at once claim
	 * and send what is due until nothing is, or the round has lasted about a second; the
	 * provider's rate limit sets the pace, so a backlog leaves at the configured rate.
	 */
	void sendDue(String channel) {
		try {
			recordRemembered(channel);
		}
		catch (RuntimeException ex) {
			log.warn("Sending round stopped: sent messages could not be recorded yet: {}", ex.toString());
			return;
		}
		int senders = "SMS".equals(channel) ? this.smsSenders : this.mailSenders;
		ExecutorService pool = "SMS".equals(channel) ? this.smsPool : this.mailPool;
		long until = System.nanoTime() + ROUND.toNanos();
		List<Future<?>> running = new ArrayList<>();
		for (int i = 0; i < senders; i++) {
			running.add(pool.submit(() -> sendWhileDue(channel, until)));
		}
		for (Future<?> sender : running) {
			try {
				sender.get();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (ExecutionException ex) {
				log.warn("Sending round stopped: {}", ex.getCause().toString());
			}
		}
	}

	private void sendWhileDue(String channel, long until) {
		while (System.nanoTime() < until) {
			Optional<Notification> next = this.queue.claim(channel, this.retry.claimFor());
			if (next.isEmpty()) {
				return;
			}
			send(next.get());
		}
	}

	private void recordRemembered(String channel) {
		for (Notification sent : List.copyOf(this.sentNotRecorded.values())) {
			if (channel.equals(sent.channel())) {
				recordSent(sent);
			}
		}
	}

	private void recordSent(Notification notification) {
		this.sentNotRecorded.put(notification.id(), notification);
		this.queue.settle(notification, Notification.SENT, null, null);
		this.sentNotRecorded.remove(notification.id());
	}

	void send(Notification notification) {
		if (this.sentNotRecorded.containsKey(notification.id())) {
			// sent already; only the record of it is missing
			recordSent(notification);
			return;
		}
		Template template = Template.ofKey(notification.template());
		Templates.Rendered message = this.templates.render(template, notification.language(), notification.values());
		Timer.Sample sample = Timer.start(this.meters);
		try {
			if ("SMS".equals(notification.channel())) {
				this.sms.send(notification.to(), message.sms(), message.smsTemplateId(), notification.id());
			}
			else {
				this.mail.send(notification.to(), message.subject(), message.text(), message.html(), notification.id());
			}
		}
		catch (DeliveryFailedException ex) {
			failed(notification, ex);
			return;
		}
		finally {
			sample.stop(this.meters.timer("dak.notifications.send", "channel", notification.channel()));
		}
		recordSent(notification);
	}

	private void failed(Notification notification, DeliveryFailedException ex) {
		Instant now = Instant.now();
		if (ex.isPermanent()) {
			log.warn("Notification {} refused for good: {}", notification.id(), ex.getMessage());
			this.queue.settle(notification, Notification.PERMANENT_FAILURE, ex.getMessage(), null);
			this.fallbacks.after(notification);
		}
		else if (now.isAfter(notification.createdAt().plus(this.retry.window()))) {
			log.warn("Notification {} given up after {}: {}", notification.id(), this.retry.window(), ex.getMessage());
			this.queue.settle(notification, Notification.TECHNICAL_FAILURE, ex.getMessage(), null);
			this.fallbacks.after(notification);
		}
		else {
			this.queue.settle(notification, Notification.TEMPORARY_FAILURE, ex.getMessage(),
					now.plus(backoff(notification.attempts())));
		}
	}

	/** The wait before the next send: doubling from the first, with jitter, capped. */
	Duration backoff(int attempts) {
		long first = this.retry.laterBackoff().toMillis();
		long wait = Math.min(this.retry.maxLaterBackoff().toMillis(),
				first * (1L << Math.min(20, Math.max(0, attempts - 1))));
		long jitter = (long) (wait * 0.2 * ThreadLocalRandom.current().nextDouble());
		return Duration.ofMillis(wait - jitter);
	}

}
