package id.ucj.system;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Sarolangun end to end, on a controlled clock: field apps register a baseline with a
 * year of paid cover and the new workers whose APBD-P cover lasts four months; the
 * regency reaches its 65% target, and falls back, with one alert, when that cover and its
 * grace months end: no event, only the month turning in Jambi (WIB).
 */
class SarolangunLapseTest {

	/**
	 * Sarolangun scaled down a hundredfold: 1,120 workers, 43% with cover paid for a
	 * year.
	 */
	static final long WORKFORCE = 1_120;

	static final int BASELINE = 482;

	/**
	 * The APBD-P line's new workers, to 65%: cover from October 2024 through January
	 * 2025, four months.
	 */
	static final int APBD = 246;

	static final String CAPTURED = "2024-10-10T03:00:00Z";

	@TempDir
	Path work;

	private ThreeServices system;

	@BeforeEach
	void start() throws Exception {
		this.system = new ThreeServices("sarolangun", this.work);
	}

	@AfterEach
	void stop() {
		this.system.close();
	}

	@Test
	void fallsBelowItsTargetWhenTheApbdCoverAndItsGraceMonthsEndAndOneFellBackAlertFollows() throws Exception {
		assertThat(this.system.admin()
			.put("/api/v1/regencies/15.03", "{\"workforce\": %d, \"target\": 0.65}".formatted(WORKFORCE))
			.statusCode()).isEqualTo(200);
		this.system.register("15.03", 0, BASELINE, "EMPLOYER", CAPTURED, "2025-09");
		this.system.register("15.03", BASELINE, APBD, "APBD", CAPTURED, "2025-01");
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(
					() -> assertThat(this.system.coverage("15.03").get("covered").asLong()).isEqualTo(BASELINE + APBD));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(
					() -> assertThat(this.system.thresholds("15.03", "REACHED")).containsExactlyInAnyOrder(0.5, 0.65));

		// March 2025 in Jambi: the APBD cover was paid through January; February and
		// March are its grace months.
		this.system.clock.set(Instant.parse("2025-03-31T16:59:00Z"));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(
					() -> assertThat(this.system.coverage("15.03").get("month").asString()).isEqualTo("2025-03"));
		assertThat(this.system.coverage("15.03").get("covered").asLong()).isEqualTo(BASELINE + APBD);
		assertThat(this.system.thresholds("15.03", "FELL_BACK")).isEmpty();

		// Midnight, 1 April 2025, in Jambi: the third unpaid month; the APBD workers are
		// no longer active.
		this.system.clock.set(Instant.parse("2025-03-31T17:00:00Z"));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.system.thresholds("15.03", "FELL_BACK")).hasSize(2));
		JsonNode april = this.system.coverage("15.03");
		assertThat(april.get("month").asString()).isEqualTo("2025-04");
		assertThat(april.get("covered").asLong()).isEqualTo(BASELINE);
		assertThat(april.get("registered").asLong()).isEqualTo(BASELINE + APBD);
		assertThat(this.system.alerts("15.03", "FELL_BACK"))
			.filteredOn((alert) -> alert.get("threshold").asDouble() == 0.65)
			.singleElement()
			.satisfies((alert) -> {
				assertThat(alert.get("coverageRatio").asDouble()).isEqualTo((double) BASELINE / WORKFORCE);
				assertThat(alert.get("crossedAt").asString()).startsWith("2025-03-31T17:00");
			});

		// The 50% milestone fell back too, once; a restarted notifier re-reading the
		// topic adds nothing.
		this.system.restartNotifier();
		this.system.awaitNotifierCaughtUp();
		assertThat(this.system.thresholds("15.03", "FELL_BACK")).containsExactlyInAnyOrder(0.5, 0.65);
		assertThat(this.system.thresholds("15.03", "REACHED")).containsExactlyInAnyOrder(0.5, 0.65);
	}

}
