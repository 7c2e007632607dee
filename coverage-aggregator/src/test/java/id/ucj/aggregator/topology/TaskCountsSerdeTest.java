package id.ucj.aggregator.topology;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class TaskCountsSerdeTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TaskCounts SAROLANGUN = new TaskCounts(
			1_234_567_890_123L, Instant.parse("2026-12-07T02:00:00.123456789Z"), Map.of("registered", 112_000L,
					"active+@2026-12|BPU|APBD", 48_160L, "active-@2027-03|BPU|APBD", -3L, "program_JKK", 112_000L),
			true);

	@Test
	void readsBackWhatItWrote() {
		assertThat(TaskCountsSerde.decode(TaskCountsSerde.encode(SAROLANGUN), JSON)).isEqualTo(SAROLANGUN);
	}

	@Test
	void readsBackCountsNotForwardedWithNoEventTime() {
		TaskCounts empty = new TaskCounts(0, null, Map.of(), false);

		assertThat(TaskCountsSerde.decode(TaskCountsSerde.encode(empty), JSON)).isEqualTo(empty);
	}

	@Test
	void readsTheJsonThePreviousVersionWrote() {
		byte[] previous = JSON.writeValueAsBytes(SAROLANGUN);

		assertThat(TaskCountsSerde.decode(previous, JSON)).isEqualTo(SAROLANGUN);
	}

	@Test
	void isSmallerThanTheJson() {
		assertThat(TaskCountsSerde.encode(SAROLANGUN)).hasSizeLessThan(JSON.writeValueAsBytes(SAROLANGUN).length);
	}

}
