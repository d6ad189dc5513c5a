package org.dak.support.operations;

import ch.qos.logback.classic.LoggerContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.actuate.info.Info;

import static org.assertj.core.api.Assertions.assertThat;

class LastErrorTest {

	private static final Logger log = LoggerFactory.getLogger("org.dak.example.Relay");

	private final LastError lastError = new LastError();

	@BeforeEach
	void attach() {
		this.lastError.attachTo((LoggerContext) LoggerFactory.getILoggerFactory());
	}

	@AfterEach
	void detach() {
		this.lastError.detach();
	}

	@Test
	void theHealthPageLearnsTheLastErrorAServiceLoggedWithItsCauseAndHowManyThereWere() {
		log.error("Could not publish {} events", 3, new IllegalStateException("broker gone"));
		log.error("Sweep failed", new IllegalArgumentException("bad offset"));

		Info.Builder builder = new Info.Builder();
		this.lastError.contribute(builder);
		Info info = builder.build();

		LastError.Seen seen = (LastError.Seen) info.get("lastError");
		assertThat(seen.message()).isEqualTo("Sweep failed (java.lang.IllegalArgumentException: bad offset)");
		assertThat(seen.logger()).isEqualTo("org.dak.example.Relay");
		assertThat(seen.count()).isEqualTo(2);
		assertThat(seen.at()).isNotNull();
	}

	@Test
	void warningsAreNotErrorsAndAServiceWithoutErrorsSaysNothing() {
		log.warn("Broker slow");

		Info.Builder builder = new Info.Builder();
		this.lastError.contribute(builder);

		assertThat(builder.build().getDetails()).doesNotContainKey("lastError");
	}

	@Test
	void aLongMessageIsCutSoThePageStaysReadable() {
		log.error("x".repeat(5_000));

		assertThat(this.lastError.last().message()).hasSize(300).endsWith("…");
	}

	@Test
	void onceDetachedItHearsNothingMore() {
		this.lastError.detach();

		log.error("after stop");

		assertThat(this.lastError.last()).isNull();
	}

}
