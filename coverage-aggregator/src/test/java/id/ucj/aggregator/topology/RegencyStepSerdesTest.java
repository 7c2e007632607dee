package id.ucj.aggregator.topology;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class RegencyStepSerdesTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final PartitionCounts FIRST = new PartitionCounts(0, 9_876_543_210L,
			Instant.parse("2026-12-07T02:00:00.123456789Z"),
			Map.of("registered", 48_160L, "active+@2026-12|BPU|APBD", 48_160L, "active-@2027-03|BPU|APBD", -3L));

	private static final PartitionCounts SECOND = new PartitionCounts(23, 17L, null, Map.of("movedOut", 2L));

	private static final RegencyCounts SAROLANGUN = new RegencyCounts(Map.of(0, FIRST, 23, SECOND), 1_234L, true);

	@Test
	void readsBackThePartitionCountsItWrote() {
		assertThat(RegencyStepSerdes.decodePartition(RegencyStepSerdes.encode(FIRST), JSON)).isEqualTo(FIRST);
		assertThat(RegencyStepSerdes.decodePartition(RegencyStepSerdes.encode(SECOND), JSON)).isEqualTo(SECOND);
	}

	@Test
	void readsBackTheRegencyCountsItWrote() {
		assertThat(RegencyStepSerdes.decodeRegency(RegencyStepSerdes.encode(SAROLANGUN), JSON)).isEqualTo(SAROLANGUN);
		RegencyCounts unwritten = new RegencyCounts(Map.of(), 0, false);
		assertThat(RegencyStepSerdes.decodeRegency(RegencyStepSerdes.encode(unwritten), JSON)).isEqualTo(unwritten);
	}

	@Test
	void readsTheJsonThePreviousVersionWrote() {
		assertThat(RegencyStepSerdes.decodePartition(JSON.writeValueAsBytes(FIRST), JSON)).isEqualTo(FIRST);
		assertThat(RegencyStepSerdes.decodeRegency(JSON.writeValueAsBytes(SAROLANGUN), JSON)).isEqualTo(SAROLANGUN);
	}

	@Test
	void isSmallerThanTheJson() {
		assertThat(RegencyStepSerdes.encode(SAROLANGUN)).hasSizeLessThan(JSON.writeValueAsBytes(SAROLANGUN).length);
	}

}
