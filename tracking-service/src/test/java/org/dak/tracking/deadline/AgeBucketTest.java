package org.dak.tracking.deadline;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AgeBucketTest {

	@Test
	void theReviewMeetingsLinesAreDrawnAt45And60WorkingDays() {
		assertThat(AgeBucket.of(45).olderThan45()).isFalse();
		assertThat(AgeBucket.of(46).olderThan45()).isTrue();
		assertThat(AgeBucket.of(60).olderThan60()).isFalse();
		assertThat(AgeBucket.of(61).olderThan60()).isTrue();
		assertThat(AgeBucket.of(45).band()).isEqualTo("0-45");
		assertThat(AgeBucket.of(46).band()).isEqualTo("46-60");
		assertThat(AgeBucket.of(61).band()).isEqualTo("over-60");
	}

	@Test
	void everyAgeFallsInOneBucketOfTheSummary() {
		assertThat(AgeBucket.of(-2).label()).isEqualTo("0-15");
		assertThat(AgeBucket.of(0).label()).isEqualTo("0-15");
		assertThat(AgeBucket.of(16).label()).isEqualTo("16-30");
		assertThat(AgeBucket.of(31).label()).isEqualTo("31-45");
		assertThat(AgeBucket.of(60).label()).isEqualTo("46-60");
		assertThat(AgeBucket.of(4000).label()).isEqualTo("over 60");
	}

}
