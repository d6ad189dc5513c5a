package org.dak.tracking.publictrack;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.dak.contracts.GoldenSamples;
import org.dak.contracts.Topic;
import org.dak.contracts.Topics;
import org.dak.items.identity.ReceiptNumbers;
import org.dak.support.seal.Sealing;
import org.dak.testsupport.PublishedRecords;
import org.dak.testsupport.ServiceIntegrationTest;
import org.dak.tracking.clock.AdjustableClock;
import org.dak.tracking.timeline.Cases;
import org.dak.tracking.complaintcase.ComplaintCase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Receipt numbers are not secret: a stranger may ask one-time codes for somebody else's
 * item, but only a share of the day's, so the applicant can still get one.
 */
@ServiceIntegrationTest
class OneTimeCodesIT {

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	Sealing sealing;

	@Autowired
	Cases cases;

	@Test
	void aStrangerAskingCodesForSomebodysItemCannotUseUpTheApplicantsDay() {
		ComplaintCase item = received();
		AdjustableClock clock = new AdjustableClock();
		OneTimeCodes codes = new OneTimeCodes(this.mongo, this.sealing, clock, new SimpleMeterRegistry());

		int strangers = 0;
		for (int i = 0; i < 6; i++) {
			strangers += codes.issue(item, "SMS", "198.51.100.7") ? 1 : 0;
			clock.advance(Duration.ofMinutes(2));
		}
		boolean applicants = codes.issue(item, "SMS", "203.0.113.40");
		clock.advance(Duration.ofMinutes(2));
		boolean applicantsSecond = codes.issue(item, "SMS", "203.0.113.40");
		boolean withinTheMinute = codes.issue(item, "SMS", "192.0.2.9");

		assertThat(strangers).as("one asking address gets three a day").isEqualTo(OneTimeCodes.PER_ADDRESS);
		assertThat(applicants).isTrue();
		assertThat(applicantsSecond).isTrue();
		assertThat(withinTheMinute).as("one a minute, whoever asks").isFalse();
	}

	private ComplaintCase received() {
		String id = ReceiptNumbers.format("NAL", 2026, 700_000 + (int) (Math.random() * 99_999));
		String event = GoldenSamples.json(Topic.COMPLAINT_RECEIVED)
			.replace("NAL-2026-000123-C", id)
			.replace("0b9d5c8e-6f1a-4f43-9a57-1d6f0f3f2a10", UUID.randomUUID().toString());
		PublishedRecords.send(this.bootstrapServers, Topics.COMPLAINT_RECEIVED, id,
				event.getBytes(StandardCharsets.UTF_8));
		await().atMost(Duration.ofSeconds(30)).until(() -> this.cases.find(id).isPresent());
		return this.cases.find(id).orElseThrow();
	}

}
