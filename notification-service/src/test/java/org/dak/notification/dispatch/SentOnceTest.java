package org.dak.notification.dispatch;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.dak.notification.NotificationProperties;
import org.dak.notification.delivery.MailGateway;
import org.dak.notification.delivery.SmsProvider;
import org.dak.notification.template.Templates;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.dao.DataAccessResourceFailureException;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * A message sent while the database does not take the news of it (paused, too slow) is
 * recorded once the database is back, and never sent a second time, even when its claim
 * ran out and it is handed out again meanwhile.
 */
class SentOnceTest {

	private final NotificationQueue queue = mock(NotificationQueue.class);

	private final MailGateway mail = mock(MailGateway.class);

	private final Templates templates = mock(Templates.class);

	private final NotificationSender sender = new NotificationSender(this.queue, this.templates,
			mock(SmsProvider.class), this.mail, new SimpleMeterRegistry(), properties(), mock(Fallbacks.class));

	@Test
	void anEmailTheDatabaseDidNotRecordAsSentIsRecordedLaterAndNotSentAgain() {
		Notification receipt = new Notification("n-1:EMAIL:APPLICANT", "NAL-2026-000194-9", "EMAIL", "APPLICANT",
				"received", "hi", "sita@example.in", "s***@example.in", Map.of(), Notification.SENDING, null, 1, null,
				Instant.now().plusSeconds(120), null, Instant.now(), Instant.now(), null);
		when(this.templates.render(any(), anyString(), any()))
			.thenReturn(new Templates.Rendered(null, "sms", null, "पावती", "text", "<p>html</p>"));
		when(this.queue.claim(eq("EMAIL"), any())).thenReturn(Optional.of(receipt), Optional.empty());
		doThrow(new DataAccessResourceFailureException("Timeout while receiving message"))
			.doThrow(new DataAccessResourceFailureException("Timeout while receiving message"))
			.doNothing()
			.when(this.queue)
			.settle(receipt, Notification.SENT, null, null);

		this.sender.sendDue("EMAIL"); // sent; its record fails
		this.sender.sendDue("EMAIL"); // the record fails again: nothing else is claimed
		// a sender that claims it again (its claim ran out meanwhile) records it
		this.sender.send(receipt);
		this.sender.sendDue("EMAIL"); // nothing left to record or send

		verify(this.mail, times(1)).send(eq("sita@example.in"), anyString(), anyString(), anyString(),
				eq("n-1:EMAIL:APPLICANT"));
		verify(this.queue, times(3)).settle(receipt, Notification.SENT, null, null);
		verify(this.queue, times(2)).claim(eq("EMAIL"), any());
	}

	private static NotificationProperties properties() {
		return new Binder(new MapConfigurationPropertySource(Map.of("dak.notification.sms.url", "http://sms.invalid",
				"dak.notification.mail.concurrent-calls", "1")))
			.bind("dak.notification", NotificationProperties.class)
			.get();
	}

}
