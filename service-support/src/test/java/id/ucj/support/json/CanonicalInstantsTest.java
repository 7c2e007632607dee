package id.ucj.support.json;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The fast path reads exactly what Jackson reads: the same instant for every canonical
 * text, and for everything else the same instant or the same refusal.
 */
class CanonicalInstantsTest {

	private static final JsonMapper JACKSON = JsonMapper.builder().build();

	private static final JsonMapper FAST = JsonMapper.builder().addModule(JsonAutoConfiguration.module()).build();

	record Event(Instant occurredAt) {
	}

	@Test
	void readsEveryCanonicalInstantAsJacksonDoes() {
		Random random = new Random(20261207);
		long min = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
		long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
		List<Instant> instants = new ArrayList<>(List.of(Instant.EPOCH, Instant.parse("2026-12-31T16:59:59.999999999Z"),
				Instant.parse("2024-02-29T00:00:00.100Z")));
		for (int i = 0; i < 20_000; i++) {
			long second = min + (long) (random.nextDouble() * (max - min));
			int nanos = switch (i % 4) {
				case 0 -> 0;
				case 1 -> random.nextInt(1000) * 1_000_000;
				case 2 -> random.nextInt(1_000_000) * 1000;
				default -> random.nextInt(1_000_000_000);
			};
			instants.add(Instant.ofEpochSecond(second, nanos));
		}
		for (Instant instant : instants) {
			String json = "{\"occurredAt\":\"" + instant + "\"}";
			assertThat(CanonicalInstants.canonical(instant.toString())).as(json).isEqualTo(instant);
			assertThat(FAST.readValue(json, Event.class)).as(json).isEqualTo(JACKSON.readValue(json, Event.class));
		}
	}

	@Test
	void leavesEveryOtherFormToJackson() {
		List<String> values = List.of("\"2026-12-04T10:15:30+07:00\"", "\"2026-12-04T10:15:30.5-03:30\"",
				"\"2026-12-04t10:15:30z\"", "\"2026-12-04T10:15:30z\"", "\"2026-12-04T23:59:60Z\"",
				"\"2026-12-04T10:15:30.1234567891Z\"", "\"2026-12-04T10:15:30,123Z\"", "\"+10000-01-01T00:00:00Z\"",
				"\"-0001-01-01T00:00:00Z\"", "\"2026-12-04T10:15Z\"", "\"2026-13-04T10:15:30Z\"",
				"\"2026-02-30T10:15:30Z\"", "\"2026-12-04T24:00:00Z\"", "\"2026-12-04 10:15:30Z\"",
				"\"2026-12-04T10:15:30.Z\"", "\"2026-12-4T10:15:30Z\"", "\"20261204T101530Z\"", "\"1733282130\"",
				"1733282130", "1733282130.5", "\"\"", "\"not a time at all, Z\"", "true", "null", "[]", "{}");
		for (String value : values) {
			String json = "{\"occurredAt\":" + value + "}";
			Throwable jacksonRefusal = catchThrowable(() -> JACKSON.readValue(json, Event.class));
			Throwable fastRefusal = catchThrowable(() -> FAST.readValue(json, Event.class));
			if (jacksonRefusal == null) {
				assertThat(fastRefusal).as(json).isNull();
				assertThat(FAST.readValue(json, Event.class)).as(json).isEqualTo(JACKSON.readValue(json, Event.class));
			}
			else {
				assertThat(fastRefusal).as(json).isInstanceOf(jacksonRefusal.getClass());
				assertThat(fastRefusal.getMessage()).as(json).isEqualTo(jacksonRefusal.getMessage());
			}
		}
	}

}
