package id.ucj.notification.crossing;

import java.time.YearMonth;

import org.junit.jupiter.api.Test;

import id.ucj.contract.CoverageSnapshot;
import id.ucj.notification.alert.Direction;
import id.ucj.testsupport.CoverageSnapshots;

import static org.assertj.core.api.Assertions.assertThat;

/** The at-risk rule, with Sarolangun at 1,000 workers and a 65% target (650 workers). */
class RisksTest {

	static final YearMonth NOVEMBER = YearMonth.of(2024, 11);

	static final YearMonth DECEMBER = YearMonth.of(2024, 12);

	@Test
	void aRegencyAtItsTargetForecastBelowItWithinTwoMonthsIsAtRiskWithTheRenewalsAndTheirCost() {
		Risks.Outcome outcome = Risks.evaluate(0.65, null, snapshot(700, 690, 600), 2);

		assertThat(outcome.riskMonth()).isEqualTo(DECEMBER);
		assertThat(outcome.change())
			.isEqualTo(new Risks.RiskChange(0.65, Direction.AT_RISK, DECEMBER, 50L, 50 * 16_800L));
	}

	@Test
	void saysItOncePerMonthAndClearsItWhenRenewalsLiftTheForecast() {
		assertThat(Risks.evaluate(0.65, DECEMBER, snapshot(700, 690, 600), 2).change()).as("already said").isNull();

		Risks.Outcome renewed = Risks.evaluate(0.65, DECEMBER, snapshot(700, 700, 700), 2);
		assertThat(renewed.riskMonth()).isNull();
		assertThat(renewed.change())
			.isEqualTo(new Risks.RiskChange(0.65, Direction.RISK_CLEARED, DECEMBER, null, null));
	}

	@Test
	void aFallBeyondTheHorizonIsNoRiskYet() {
		assertThat(Risks.evaluate(0.65, null, snapshot(700, 690, 680, 600), 2).change()).isNull();
		assertThat(Risks.evaluate(0.65, null, snapshot(700, 690, 680, 600), 3).change().month())
			.isEqualTo(YearMonth.of(2025, 1));
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
		return CoverageSnapshots.sarolangun()
			.covered(covered)
			.workforce(1000)
			.target(0.65)
			.month(YearMonth.of(2024, 10))
			.registered(covered)
			.protectedCount(covered)
			.forecast(NOVEMBER, forecast)
			.premium(16_800)
			.build();
	}

}
