package org.dak.support.operations;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;

import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;

/**
 * Remembers the last error this service logged and how many it has logged since it
 * started, and reports them under {@code lastError} on {@code /actuator/info} (open to
 * the gateway only), where the system health page reads them. The message is cut to a few
 * hundred characters; the log itself keeps the whole of it.
 */
class LastError extends AppenderBase<ILoggingEvent> implements InfoContributor {

	private static final int MESSAGE_LIMIT = 300;

	private final AtomicReference<Seen> last = new AtomicReference<>();

	private final AtomicLong count = new AtomicLong();

	/**
	 * One logged error.
	 *
	 * @param at when
	 * @param logger where (the logger's name)
	 * @param message what it said, and the exception's class and message if it had one
	 * @param count errors logged since the service started, this one included
	 */
	record Seen(Instant at, String logger, String message, long count) {
	}

	@Override
	protected void append(ILoggingEvent event) {
		if (!event.getLevel().isGreaterOrEqual(Level.ERROR)) {
			return;
		}
		String message = event.getFormattedMessage();
		IThrowableProxy thrown = event.getThrowableProxy();
		if (thrown != null) {
			message = message + " (" + thrown.getClassName() + ": " + thrown.getMessage() + ")";
		}
		if (message.length() > MESSAGE_LIMIT) {
			message = message.substring(0, MESSAGE_LIMIT - 1) + "…";
		}
		this.last.set(new Seen(event.getInstant(), event.getLoggerName(), message, this.count.incrementAndGet()));
	}

	void attachTo(LoggerContext logging) {
		setContext(logging);
		setName("dak-last-error");
		start();
		logging.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(this);
	}

	void detach() {
		if (getContext() instanceof LoggerContext logging) {
			logging.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(this);
		}
		stop();
	}

	Seen last() {
		return this.last.get();
	}

	@Override
	public void contribute(Info.Builder builder) {
		Seen seen = this.last.get();
		if (seen != null) {
			builder.withDetail("lastError", seen);
		}
	}

}
