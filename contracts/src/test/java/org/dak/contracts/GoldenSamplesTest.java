package org.dak.contracts;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class GoldenSamplesTest {

	private final JsonMapper json = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	@ParameterizedTest
	@EnumSource(Topic.class)
	void everyTopicHasASampleThatReadsAsItsRecord(Topic topic) {
		Object read = this.json.readValue(GoldenSamples.json(topic), topic.eventClass());

		assertThat(read).isEqualTo(GoldenSamples.record(topic));
	}

	@ParameterizedTest
	@EnumSource(Topic.class)
	void sampleNamesEveryFieldOfItsRecord(Topic topic) {
		var sampleFields = this.json.readTree(GoldenSamples.json(topic)).propertyNames();
		var recordFields = java.util.Arrays.stream(topic.eventClass().getRecordComponents())
			.map(java.lang.reflect.RecordComponent::getName)
			.toList();

		assertThat(sampleFields).containsExactlyInAnyOrderElementsOf(recordFields);
	}

	@ParameterizedTest
	@EnumSource(Topic.class)
	void everyEventCarriesItsIdentity(Topic topic) {
		var fields = java.util.Arrays.stream(topic.eventClass().getRecordComponents())
			.map(java.lang.reflect.RecordComponent::getName)
			.limit(3)
			.toList();

		String key = switch (topic) {
			case DEPARTMENT_CHANGED -> "departmentCode";
			case SETTINGS_CHANGED -> "section";
			default -> "complaintId";
		};
		assertThat(fields).containsExactly("eventId", key, "occurredAt");
	}

	@ParameterizedTest
	@EnumSource(Topic.class)
	void topicNamesAreKebabCasePastTenseWithADeadLetterTwin(Topic topic) {
		assertThat(topic.topicName()).matches("[a-z]+(-[a-z]+)*ed");
		assertThat(topic.deadLetterTopicName()).isEqualTo(topic.topicName() + "-dlt");
		assertThat(Topic.named(topic.topicName())).isEqualTo(topic);
		assertThat(Topic.carrying(topic.eventClass())).isEqualTo(topic);
	}

}
