package id.ucj.contract;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContractSamplesTest {

	private final JsonMapper mapper = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	@ParameterizedTest
	@EnumSource(EventType.class)
	void everySampleSurvivesARoundTripThroughItsRecord(EventType type) throws IOException {
		JsonNode sample = sample(type);

		Object event = this.mapper.treeToValue(sample, type.payloadType());
		JsonNode written = this.mapper.readTree(this.mapper.writeValueAsString(event));

		assertThat(written).isEqualTo(sample);
		assertThat(EventType.of(event)).isEqualTo(type);
	}

	@ParameterizedTest
	@EnumSource(EventType.class)
	void everySampleNamesEveryFieldOfItsRecord(EventType type) throws IOException {
		JsonNode sample = sample(type);

		assertThat(Arrays.stream(type.payloadType().getRecordComponents()).map((c) -> c.getName()))
			.allSatisfy((field) -> assertThat(sample.has(field)).as(field).isTrue());
	}

	@ParameterizedTest
	@EnumSource(EventType.class)
	void ceTypesAreLogicalNamesNotClassNames(EventType type) {
		assertThat(type.ceType()).matches("[a-z]+\\.[a-z]+").doesNotContain(type.payloadType().getSimpleName());
		assertThat(EventType.fromCeType(type.ceType())).contains(type);
	}

	@org.junit.jupiter.api.Test
	void registrationWithoutProgramsIsNotAnEvent() throws IOException {
		JsonNode sample = sample(EventType.PARTICIPANT_REGISTERED);
		((tools.jackson.databind.node.ObjectNode) sample).putArray("programs");

		assertThatThrownBy(() -> this.mapper.treeToValue(sample, ParticipantRegistered.class))
			.hasRootCauseInstanceOf(IllegalArgumentException.class);
	}

	private JsonNode sample(EventType type) throws IOException {
		try (InputStream in = getClass().getResourceAsStream("samples/" + type.ceType() + ".json")) {
			assertThat(in).as("sample for " + type.ceType()).isNotNull();
			return this.mapper.readTree(in);
		}
	}

}
