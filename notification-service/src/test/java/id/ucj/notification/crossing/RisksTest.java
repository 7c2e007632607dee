package id.ucj.notification.crossing;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import id.ucj.contract.ActiveForecast;
import id.ucj.contract.CoverageSnapshot;
import id.ucj.notification.alert.Direction;

import static org.assertj.core.api.Assertions.assertThat;

/** The at-risk rule, with Sarolangun at 1,000 workers and a 65% target (650 workers). */
class RisksTest {

	static final YearMonth NOVEMBER = YearMonth.of(2024, 11);

	static final YearMonth DECEMBER = YearMonth.of(2024, 12);

	@Test
	void aRegencyAtItsTargetForecastBelowItWithinTwoMonthsIsAtRiskWithTheRenewalsAndTheirCost() {
		Risks.Outcome outcome = Risks.evaluate(0.65, null, snapshot(700, 690, 600), 2);

		assertThat(outcome.riskMonth()).isEqualTo(DECEMBER);
		assertThat(outcome.change()).isEqualTo(new Risks.RiskChange(0.65, Direction.AT_RISK, DECEMBER, 50L, 50 * 16_800L));
	}

	@Test
	void saysItOncePerMonthAndClearsItWhenRenewalsLiftTheForecast() {
		assertThat(Risks.evaluate(0.65, DECEMBER, snapshot(700, 690, 600), 2).change()).as("already said").isNull();

		Risks.Outcome renewed = Risks.evaluate(0.65, DECEMBER, snapshot(700, 700, 700), 2);
		assertThat(renewed.riskMonth()).isNull();
		assertThat(renewed.change()).isEqualTo(new Risks.RiskChange(0.65, Direction.RISK_CLEARED, DECEMBER, null, null));
	}

	@Test
	void aFallBeyondTheHorizonIsNoRiskYet() {
		assertThat(Risks.evaluate(0.65, null, snapshot(700, 690, 680, 600), 2).change()).isNull();
		assertThat(Risks.evaluate(0.65, null, snapshot(700, 690, 680, 600), 3).change().month()).isEqualTo(YearMonth.of(2025, 1));
	}

	@Test
	void aRegencyBelowTheThresholdIsNotAtRiskAndAFallEndsTheRiskSilently() {
		assertThat(Risks.evaluate(0.65, null, snapshot(600, 500, 400), 2)).isEqualTo(new Risks.Outcome(null, null));
		assertThat(Risks.evaluate(0.65, DECEMBER, snapshot(600, 600, 600), 2)).isEqualTo(new Risks.Outcome(null, null));
	}

	@Test
	void aFallThatMovesToAnotherMonthIsANewRisk() {
		Risks.Outcome later = Risks.evaluate(0.65, NOVEMBER, snapshot(700, 690, 600), 2);

		assertThat(later.riskMonth()).isEqualTo(DECEMBER);
		assertThat(later.change().direction()).isEqualTo(Direction.AT_RISK);
	}

	/** Covered now (October 2024), then the forecast from November. */
	static CoverageSnapshot snapshot(long covered, long... forecast) {
		List<ActiveForecast> months = new ArrayList<>();
		for (int i = 0; i < forecast.length; i++) {
			months.add(new ActiveForecast(NOVEMBER.plusMonths(i), forecast[i]));
		}
		return new CoverageSnapshot("15.03", "Kabupaten Sarolangun", "15", covered, 1000L, covered / 1000.0, 0.65,
				Instant.parse("2024-10-14T15:00:00Z"), 1, Map.of(), Map.of(), Map.of(), covered, 0, YearMonth.of(2024, 10),
				covered, covered, List.of(), months, 16_800L);
	}

}
