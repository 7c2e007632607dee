package id.ucj.aggregator.web;

import id.ucj.aggregator.topology.CoverageClient;
import id.ucj.aggregator.topology.EventProducer;
import id.ucj.aggregator.topology.TopicSettings;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import id.ucj.contract.FundingSource;
import id.ucj.contract.ParticipantRegistered;
import id.ucj.contract.Program;
import id.ucj.contract.Segment;
import id.ucj.testsupport.IntegrationTest;
import id.ucj.testsupport.KafkaTestBroker;
import id.ucj.testsupport.TestClock;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A regency with a known mix of paid-through months, forecast and planned over HTTP; the
 * figures are worked out by hand in the comments. The test clock's month in Jambi is
 * October 2024.
 */
@IntegrationTest
class ForecastApiTest {

	static final String REGENCY = "15.09";

	static final Instant CAPTURED = Instant.parse("2024-10-10T03:00:00Z");

	@LocalServerPort
	int port;

	@Autowired
	TopicSettings topics;

	@Autowired
	TestClock clock;

	CoverageClient api;

	@BeforeEach
	void registerAKnownMix() {
		this.clock.set(TestClock.START);
		this.api = new CoverageClient(this.port);
		if (this.api.json("/api/v1/coverage/" + REGENCY).get("registered").asLong() > 0) {
			return;
		}
		assertThat(this.api.put("/api/v1/regencies/" + REGENCY, "{\"workforce\": 100, \"target\": 0.5}").statusCode())
			.isEqualTo(200);
		try (EventProducer producer = new EventProducer(KafkaTestBroker.bootstrapServers(),
				this.topics.participantEvents())) {
			// Paid for October only: active through December, lapse in January 2025.
			register(producer, "october", 10, FundingSource.SELF, null);
			// Paid through December (APBD): active through February, lapse in March.
			register(producer, "december", 20, FundingSource.APBD, YearMonth.of(2024, 12));
			// Paid through September 2025 (employers): lapse in December 2025.
			register(producer, "september", 30, FundingSource.EMPLOYER, YearMonth.of(2025, 9));
			producer.flush();
		}
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(this.api.json("/api/v1/coverage/" + REGENCY).get("covered").asLong())
				.isEqualTo(60));
	}

	@Test
	void forecastsActiveCountsTheFirstMonthBelowTargetAndTheRenewalsWithTheirCost() {
		JsonNode forecast = this.api.json("/api/v1/coverage/" + REGENCY + "/forecast?months=15");

		assertThat(forecast.get("month").asString()).isEqualTo("2024-10");
		assertThat(forecast.get("targetCount").asLong()).isEqualTo(50);
		assertThat(forecast.get("premium").asLong()).isEqualTo(16_800);
		// Oct-Dec 60; Jan-Feb 50 (at target); Mar-Nov 30 (20 short); Dec 0 (50 short).
		assertThat(forecast.get("months").findValuesAsString("month")).hasSize(15)
			.startsWith("2024-10")
			.endsWith("2025-12");
		assertThat(longs(forecast, "active")).containsExactly(60L, 60L, 60L, 50L, 50L, 30L, 30L, 30L, 30L, 30L, 30L,
				30L, 30L, 30L, 0L);
		assertThat(forecast.get("firstMonthBelowTarget").asString()).isEqualTo("2025-03");
		assertThat(longs(forecast, "renewalsNeeded")).containsExactly(0L, 0L, 0L, 0L, 0L, 20L, 20L, 20L, 20L, 20L, 20L,
				20L, 20L, 20L, 50L);
		assertThat(longs(forecast, "renewalCost").get(5)).isEqualTo(20 * 16_800L);
		JsonNode march = forecast.get("months").get(5);
		assertThat(march.get("lapsing").asLong()).isEqualTo(20);
		assertThat(march.get("lapsingByFundingSource").get("APBD").asLong()).isEqualTo(20);
		assertThat(march.get("coverageRatio").asDouble()).isEqualTo(0.3);
	}

	@Test
	void plansTheTargetThroughAMonthAndSaysHowLongABudgetHoldsIt() {
		JsonNode plan = this.api.json("/api/v1/coverage/" + REGENCY + "/plan?target=0.5&through=2025-06&budget=700000");

		// March to June: 20 short each month, all of them renewals of the 30 lapsed since
		// October.
		assertThat(plan.get("workerMonths").asLong()).isEqualTo(80);
		assertThat(plan.get("renewals").asLong()).isEqualTo(80);
		assertThat(plan.get("newEnrolments").asLong()).isZero();
		assertThat(plan.get("cost").asLong()).isEqualTo(80 * 16_800L);
		// Cumulative: March 336,000, April 672,000, May 1,008,000.
		JsonNode budget = plan.get("budget");
		assertThat(budget.get("holdsThrough").asString()).isEqualTo("2025-04");
		assertThat(budget.get("monthsHeld").asInt()).isEqualTo(7);
		assertThat(budget.get("spent").asLong()).isEqualTo(672_000);
		assertThat(budget.get("leftOver").asLong()).isEqualTo(28_000);

		JsonNode higher = this.api.json("/api/v1/coverage/" + REGENCY + "/plan?target=0.65&through=2024-12");
		assertThat(higher.get("workerMonths").asLong()).as("5 new enrolments a month, October to December")
			.isEqualTo(15);
		assertThat(higher.get("newEnrolments").asLong()).isEqualTo(15);
		assertThat(this.api.json("/api/v1/coverage/" + REGENCY + "/plan").get("through").asString())
			.as("by default, through the end of the next budget year")
			.isEqualTo("2025-12");
	}

	@Test
	void reportsTheRunwayAsMetrics() {
		// Ten paid by themselves lapse in January (3 months ahead);
		// November 0.6, January 0.5, April 0.3, October 2025 0.3; below target from March
		// (5 months away);
		// holding it costs nothing through December, and 7 x 20 worker-months x Rp 16,800
		// through September 2025.
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.api.get("/actuator/prometheus").body())
				.containsPattern("ucj_coverage_forecast_ratio\\{ahead=\"1\",[^}]*regency=\"15.09\"[^}]*} 0.6\n")
				.containsPattern("ucj_coverage_forecast_ratio\\{ahead=\"3\",[^}]*regency=\"15.09\"[^}]*} 0.5\n")
				.containsPattern("ucj_coverage_forecast_ratio\\{ahead=\"6\",[^}]*regency=\"15.09\"[^}]*} 0.3\n")
				.containsPattern(
						"ucj_coverage_lapsing_by_funding\\{[^}]*funding_source=\"SELF\",[^}]*month_ahead=\"3\",[^}]*regency=\"15.09\"[^}]*} 10.0\n")
				.containsPattern(
						"ucj_coverage_lapsing_by_funding\\{[^}]*funding_source=\"APBD\",[^}]*month_ahead=\"3\",[^}]*regency=\"15.09\"[^}]*} 0.0\n")
				.containsPattern("ucj_coverage_months_to_below_target\\{[^}]*regency=\"15.09\"[^}]*} 5.0\n")
				.containsPattern(
						"ucj_coverage_renewal_cost_rupiah\\{[^}]*months=\"3\"[^}]*regency=\"15.09\"[^}]*} 0.0\n")
				.containsPattern(
						"ucj_coverage_renewal_cost_rupiah\\{[^}]*months=\"12\"[^}]*regency=\"15.09\"[^}]*} 2352000.0\n"));
	}

	@Test
	void addsUpAProvincesAndTheNationsRegencies() {
		JsonNode jambi = this.api.json("/api/v1/coverage/provinces/15/forecast?months=6");
		assertThat(jambi.get("regencies").asInt()).isEqualTo(11);
		assertThat(jambi.get("months")).hasSize(6);
		assertThat(longs(jambi, "active").get(5)).isGreaterThanOrEqualTo(30);
		assertThat(this.api.json("/api/v1/coverage/national/forecast").get("regencies").asInt()).isEqualTo(514);
	}

	@Test
	void keepsTheDaysCoverageAsHistory() {
		JsonNode history = this.api.json("/api/v1/coverage/" + REGENCY + "/history");
		JsonNode today = history.get(history.size() - 1);
		// TestClock.START is 2024-10-14T15:00Z: 22:00 in Jambi (WIB), the same day.
		assertThat(today.get("day").asString()).isEqualTo("2024-10-14");
		assertThat(today.get("covered").asLong()).isEqualTo(60);
		assertThat(today.get("target").asDouble()).isEqualTo(0.5);
		assertThat(this.api.json("/api/v1/coverage/" + REGENCY + "/history?from=2024-10-15&to=2024-10-20")).isEmpty();
		for (String query : List.of("?from=2024-10-15&to=2024-10-14", "?from=2020-01-01&to=2024-10-14",
				"?from=yesterday", "?to=2024-13-01")) {
			var response = this.api.get("/api/v1/coverage/" + REGENCY + "/history" + query);
			assertThat(response.statusCode()).as(query).isEqualTo(400);
			assertThat(response.headers().firstValue("Content-Type")).as(query).hasValue("application/problem+json");
		}
		assertThat(this.api.get("/api/v1/coverage/99.99/history").statusCode()).isEqualTo(404);
	}

	@Test
	void refusesBadParametersWithProblemDetails() {
		for (String query : List.of("/forecast?months=0", "/forecast?months=1000", "/forecast?months=twelve",
				"/forecast?target=2", "/plan?target=2", "/plan?target=0", "/plan?budget=-5", "/plan?budget=lots",
				"/plan?through=2024-09", "/plan?through=2024-10-13", "/plan?through=yesterday",
				"/plan?through=2030-01")) {
			var response = this.api.get("/api/v1/coverage/" + REGENCY + query);
			assertThat(response.statusCode()).as(query).isEqualTo(400);
			assertThat(response.headers().firstValue("Content-Type")).as(query).hasValue("application/problem+json");
		}
		assertThat(this.api.get("/api/v1/coverage/15.01/plan").statusCode()).as("no target, no workforce")
			.isEqualTo(400);
		assertThat(this.api.get("/api/v1/coverage/15.01/plan?target=0.5").statusCode()).as("no workforce")
			.isEqualTo(409);
		assertThat(this.api.get("/api/v1/coverage/99.99/forecast").statusCode()).isEqualTo(404);
		assertThat(this.api.get("/api/v1/coverage/provinces/99/forecast").statusCode()).isEqualTo(404);
	}

	private static List<Long> longs(JsonNode forecast, String field) {
		return forecast.get("months").findValues(field).stream().map(JsonNode::asLong).toList();
	}

	private static void register(EventProducer producer, String group, int count, FundingSource funding,
			YearMonth paidThrough) {
		for (int i = 0; i < count; i++) {
			producer.send(new ParticipantRegistered(UUID.randomUUID(), CAPTURED, "v1-forecast-" + group + "-" + i,
					REGENCY, Segment.BPU, Set.of(Program.JKK, Program.JKM), funding, paidThrough));
		}
	}

}
