package org.dak.tracking.publictrack;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.dak.contracts.OneTimeCodeIssued;
import org.dak.support.events.OutboxEvent;
import org.dak.support.seal.Sealing;
import org.dak.tracking.complaintcase.ComplaintCase;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * One-time codes that let an applicant act on their item without the access code: six
 * digits, sent by the notification service to the mobile or e-mail registered with the
 * item (never to one typed in now), valid for ten minutes and three tries, used once. At
 * most one code a minute and ten a day per item, and three a day per item to one asking
 * address: a stranger who asks codes for somebody's item (receipt numbers are not secret)
 * cannot use up the applicant's day. The notification service bounds the codes one number
 * is sent a day over all items.
 */
@Service
class OneTimeCodes {

	static final Duration VALID_FOR = Duration.ofMinutes(10);

	static final int TRIES = 3;

	static final Duration MIN_INTERVAL = Duration.ofMinutes(1);

	static final int PER_DAY = 10;

	static final int PER_ADDRESS = 3;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final MongoTemplate mongo;

	private final Sealing sealing;

	private final Clock clock;

	private final MeterRegistry meters;

	OneTimeCodes(MongoTemplate mongo, Sealing sealing, Clock clock, MeterRegistry meters) {
		this.mongo = mongo;
		this.sealing = sealing.requireSealing();
		this.clock = clock;
		this.meters = meters;
	}

	/**
	 * Issues a new code for the item and announces it, sealed, for the notification
	 * service; the previous code stops working. Nothing happens over the rate limit or if
	 * the applicant registered neither a mobile nor an e-mail.
	 * @param preferred {@code SMS} or {@code EMAIL}, or {@code null}
	 * @return whether a code was issued
	 */
	boolean issue(ComplaintCase item, String preferred, String requester) {
		String channel = channel(item, preferred);
		if (channel == null) {
			return false;
		}
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		OneTimeCode current = this.mongo.findById(item.id(), OneTimeCode.class);
		List<Instant> issued = new ArrayList<>();
		if (current != null) {
			current.issued().stream().filter((at) -> at.isAfter(now.minus(Duration.ofDays(1)))).forEach(issued::add);
		}
		List<OneTimeCode.Request> requests = new ArrayList<>();
		if (current != null) {
			current.requests()
				.stream()
				.filter((request) -> request.at().isAfter(now.minus(Duration.ofDays(1))))
				.forEach(requests::add);
		}
		long fromHere = requests.stream().filter((request) -> request.by().equals(requester)).count();
		if (issued.size() >= PER_DAY || fromHere >= PER_ADDRESS
				|| issued.stream().anyMatch((at) -> at.isAfter(now.minus(MIN_INTERVAL)))) {
			this.meters.counter("dak.one.time.codes", "outcome", "rate-limited").increment();
			return false;
		}
		String code = "%06d".formatted(RANDOM.nextInt(1_000_000));
		issued.add(now);
		requests.add(new OneTimeCode.Request(now, requester));
		OneTimeCodeIssued event = new OneTimeCodeIssued(OutboxEvent.newEventId(), item.id(), now, channel,
				this.sealing.seal(code), now.plus(VALID_FOR));
		List<OutboxEvent> outbox = (current != null) ? new ArrayList<>(current.outbox()) : new ArrayList<>();
		outbox.removeIf((pending) -> pending.publishedAt() != null);
		outbox.add(OutboxEvent.pending(event, item.id(), event.eventId(), now));
		try {
			this.mongo.save(new OneTimeCode(item.id(), hash(item.id(), code), event.expiresAt(), TRIES, issued,
					requests, outbox, (current != null) ? current.version() : null));
		}
		catch (OptimisticLockingFailureException | DuplicateKeyException ex) {
			// another request issued one at the same moment: that one counts
			return false;
		}
		this.meters.counter("dak.one.time.codes", "outcome", "issued").increment();
		return true;
	}

	/**
	 * Uses the item's code if it is the one given, unexpired and with tries left; a wrong
	 * one uses up a try.
	 * @return whether it matched (and is now used)
	 */
	boolean redeem(String complaintId, String code) {
		OneTimeCode current = this.mongo.findById(complaintId, OneTimeCode.class);
		Instant now = this.clock.instant();
		if (current == null || current.codeHash() == null || current.triesLeft() <= 0
				|| !current.expiresAt().isAfter(now) || code == null) {
			return false;
		}
		boolean matches = MessageDigest.isEqual(current.codeHash().getBytes(StandardCharsets.US_ASCII),
				hash(complaintId, code.strip()).getBytes(StandardCharsets.US_ASCII));
		OneTimeCode after = matches
				? new OneTimeCode(complaintId, null, current.expiresAt(), 0, current.issued(), current.requests(),
						current.outbox(), current.version())
				: new OneTimeCode(complaintId, current.codeHash(), current.expiresAt(), current.triesLeft() - 1,
						current.issued(), current.requests(), current.outbox(), current.version());
		try {
			this.mongo.save(after);
		}
		catch (OptimisticLockingFailureException ex) {
			// tried at the same moment as another request: this try does not count as a
			// match
			return false;
		}
		this.meters.counter("dak.one.time.codes", "outcome", matches ? "used" : "wrong").increment();
		return matches;
	}

	private static String channel(ComplaintCase item, String preferred) {
		boolean mobile = item.applicant() != null && item.applicant().mobileLast4() != null;
		boolean email = item.applicant() != null && item.applicant().email() != null;
		if ("EMAIL".equals(preferred) && email || !mobile && email) {
			return "EMAIL";
		}
		return mobile ? "SMS" : null;
	}

	private static String hash(String complaintId, String code) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256")
					.digest((complaintId + ":" + code).getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
