package org.dak.support.events;

import java.nio.charset.StandardCharsets;

import org.dak.contracts.ComplaintRouted;
import org.dak.contracts.GoldenSamples;
import org.dak.contracts.Topic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventJsonTest {

	private final JsonMapper json = JsonMapper.builder().build();

	private final CloudEventDeserializer deserializer = new CloudEventDeserializer();

	@ParameterizedTest
	@EnumSource(Topic.class)
	void producersWriteExactlyTheGoldenSample(Topic topic) {
		String written = EventJson.write(GoldenSamples.record(topic));

		assertThat(this.json.readTree(written)).isEqualTo(this.json.readTree(GoldenSamples.json(topic)));
	}

	@ParameterizedTest
	@EnumSource(Topic.class)
	void consumersReadTheGoldenSample(Topic topic) {
		Object read = this.deserializer.deserialize(topic.topicName(),
				GoldenSamples.json(topic).getBytes(StandardCharsets.UTF_8));

		assertThat(read).isEqualTo(GoldenSamples.record(topic));
	}

	@Test
	void consumersIgnoreFieldsAddedLater() {
		String withNewField = GoldenSamples.json(Topic.STATUS_UPDATED).replaceFirst("\\{", "{\"addedLater\": 1,");

		Object read = this.deserializer.deserialize("status-updated", withNewField.getBytes(StandardCharsets.UTF_8));

		assertThat(read).isEqualTo(GoldenSamples.statusUpdated());
	}

	@Test
	void anEventFromBeforeAFieldWasAddedReadsWithItsNumberAsZero() {
		String older = GoldenSamples.json(Topic.COMPLAINT_ROUTED).replace(",\n  \"markingSequence\": 2", "");

		ComplaintRouted read = EventJson.read(older, ComplaintRouted.class);

		assertThat(older).doesNotContain("markingSequence");
		assertThat(read.markingSequence()).isZero();
		assertThat(read.departmentCode()).isEqualTo("SUPPLY");
	}

	@Test
	void refusesABodyThatIsNotJson() {
		assertThatThrownBy(() -> this.deserializer.deserialize("complaint-received",
				"not json at all".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(RuntimeException.class);
	}

	@Test
	void refusesAnEventWithoutIdentity() {
		assertThatThrownBy(() -> this.deserializer.deserialize("complaint-routed",
				"{\"departmentCode\":\"SUPPLY\"}".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
