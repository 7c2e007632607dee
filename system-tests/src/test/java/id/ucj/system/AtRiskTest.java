package id.ucj.system;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Batanghari (15.04) at its 65% target, with workers whose cover lapses next month: one
 * {@code AT_RISK} alert with the month, the renewals and their cost; contributions that
 * renew them: one {@code RISK_CLEARED}; a restarted notifier re-reading every snapshot
 * adds nothing. The test clock's month in Jambi is October 2024.
 */
class AtRiskTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	Path work;

	private ThreeServices system;

	@BeforeEach
	void start() throws Exception {
		this.system = new ThreeServices("at-risk", this.work);
	}

	@AfterEach
	void stop() {
		this.system.close();
	}

	@Test
	void alertsOnceWhenCoverAboutToLapseTakesARegencyBelowItsTargetAndOnceWhenRenewalsClearIt() throws Exception {
		// 60 with cover paid through September 2025; 10 captured in August with August
		// paid: active through October, non-active from November.
		this.system.register("15.04", 0, 60, "EMPLOYER", "2024-10-10T03:00:00Z", "2025-09");
		this.system.register("15.04", 60, 10, "APBD", "2024-08-12T03:00:00Z", null);
		// The target is set once all 70 are counted: counting writes a snapshot every
		// flush, and a target set before would be crossed by whichever partial count came
		// first (57 of the 60 needing 8 renewals, say), once, as it should be.
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(this.system.coverage("15.04").get("covered").asLong()).isEqualTo(70));
		assertThat(this.system.admin()
			.put("/api/v1/regencies/15.04", "{\"workforce\": 100, \"target\": 0.65}")
			.statusCode()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(atTarget(this.system.alerts("15.04", "AT_RISK"))).singleElement()
				.satisfies((alert) -> {
					assertThat(alert.get("threshold").asDouble()).isEqualTo(0.65);
					assertThat(alert.get("riskMonth").asString()).isEqualTo("2024-11");
					assertThat(alert.get("renewalsNeeded").asLong()).isEqualTo(5);
					assertThat(alert.get("renewalCost").asLong()).isEqualTo(5 * 16_800);
				}));
		assertThat(this.system.coverage("15.04").get("covered").asLong()).isEqualTo(70);

		// The regency renews the ten through December.
		String renewals = IntStream.range(60, 70)
			.mapToObj((i) -> """
					{"nik": "%s", "regencyCode": "15.04", "coverFrom": "2024-10", "coverThrough": "2024-12",
					 "fundingSource": "APBD", "amount": 50400, "paidAt": "2024-10-14T03:00:00Z"}"""
				.formatted(ThreeServices.nik("15.04", i)))
			.collect(Collectors.joining(",", "{\"contributions\": [", "]}"));
		JsonNode results = JSON.readTree(this.system.enroller().post("/api/v1/contributions/batch", renewals).body())
			.get("results");
		assertThat(results.findValuesAsString("status")).hasSize(10).containsOnly("ACCEPTED");
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(atTarget(this.system.alerts("15.04", "RISK_CLEARED"))).singleElement()
				.satisfies((alert) -> assertThat(alert.get("riskMonth").asString()).isEqualTo("2024-11")));
		int atRisk = this.system.alerts("15.04", "AT_RISK").size();
		int cleared = this.system.alerts("15.04", "RISK_CLEARED").size();

		this.system.restartNotifier();
		this.system.awaitNotifierCaughtUp();
		assertThat(this.system.alerts("15.04", "AT_RISK")).as("none again after a restart").hasSize(atRisk);
		assertThat(this.system.alerts("15.04", "RISK_CLEARED")).hasSize(cleared);
		assertThat(atTarget(this.system.alerts("15.04", "AT_RISK"))).hasSize(1);
	}

	/**
	 * The alerts at the regency's target. Counting writes a snapshot every flush, so a
	 * regency filling up on the way may also cross lower thresholds, each alerted once.
	 */
	private static List<JsonNode> atTarget(List<JsonNode> alerts) {
		return alerts.stream().filter((alert) -> alert.get("threshold").asDouble() == 0.65).toList();
	}

}
