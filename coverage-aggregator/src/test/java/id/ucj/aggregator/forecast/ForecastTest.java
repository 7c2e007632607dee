package id.ucj.aggregator.forecast;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import id.ucj.contract.FundingSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Forecasts and plans against figures worked out by hand from DESIGN.md: target count
 * {@code ceil(target x
 * workforce)}, shortfall {@code max(0, target count - active)}, cost shortfall x Rp
 * 16,800.
 */
class ForecastTest {

	static final long PREMIUM = 16_800;

	static final YearMonth JANUARY = YearMonth.of(2025, 1);

	/**
	 * 100 workers; 60 active in January; 5 lapse in February, 7 in March, 8 in April,
	 * none in May.
	 */
	static final List<MonthOutlook> OUTLOOK = List.of(month(1, 60, Map.of()),
			month(2, 55, Map.of(FundingSource.APBD, 5L)),
			month(3, 48, Map.of(FundingSource.APBD, 4L, FundingSource.SELF, 3L)),
			month(4, 40, Map.of(FundingSource.EMPLOYER, 8L)), month(5, 40, Map.of()));

	@Test
	void forecastsEachMonthsShortfallAndItsCostAndTheFirstMonthBelowTarget() {
		Forecast forecast = Forecast.of(OUTLOOK, 100L, 0.5, PREMIUM);

		assertThat(forecast.targetCount()).isEqualTo(50);
		assertThat(forecast.firstMonthBelowTarget()).isEqualTo(YearMonth.of(2025, 3));
		assertThat(forecast.months()).extracting(Forecast.ForecastMonth::active)
			.containsExactly(60L, 55L, 48L, 40L, 40L);
		assertThat(forecast.months()).extracting(Forecast.ForecastMonth::coverageRatio)
			.containsExactly(0.6, 0.55, 0.48, 0.4, 0.4);
		assertThat(forecast.months()).extracting(Forecast.ForecastMonth::renewalsNeeded)
			.containsExactly(0L, 0L, 2L, 10L, 10L);
		assertThat(forecast.months()).extracting(Forecast.ForecastMonth::renewalCost)
			.containsExactly(0L, 0L, 33_600L, 168_000L, 168_000L);
		assertThat(forecast.months().get(2).lapsing()).isEqualTo(7);
		assertThat(forecast.months().get(2).lapsingByFundingSource()).containsEntry(FundingSource.SELF, 3L);
	}

	@Test
	void countsTheTargetInDecimalsAndRoundsItUp() {
		assertThat(Forecast.targetCount(0.65, 1_120)).isEqualTo(728);
		assertThat(Forecast.targetCount(0.65, 112_000)).isEqualTo(72_800);
		assertThat(Forecast.targetCount(0.65, 101)).as("65.65 workers").isEqualTo(66);
	}

	@Test
	void forecastsWithoutTargetOrWorkforceGiveCountsOnly() {
		Forecast forecast = Forecast.of(OUTLOOK, null, 0.5, PREMIUM);

		assertThat(forecast.targetCount()).isNull();
		assertThat(forecast.firstMonthBelowTarget()).isNull();
		assertThat(forecast.months().get(3).coverageRatio()).isNull();
		assertThat(forecast.months().get(3).renewalsNeeded()).isNull();
	}

	@Test
	void plansRenewalsOfThoseWhoLapsedAndPricesThem() {
		Plan plan = Plan.of(OUTLOOK, 100, 0.5, PREMIUM, YearMonth.of(2025, 5), null);

		assertThat(plan.workerMonths()).isEqualTo(2 + 10 + 10);
		assertThat(plan.cost()).isEqualTo(22 * PREMIUM);
		assertThat(plan.renewals()).isEqualTo(22);
		assertThat(plan.newEnrolments()).isZero();
		assertThat(plan.months()).extracting(Plan.PlanMonth::cumulativeCost)
			.containsExactly(0L, 0L, 33_600L, 201_600L, 369_600L);
		assertThat(plan.budget()).isNull();
	}

	@Test
	void plansNewEnrolmentsWhereTheTargetIsAboveEveryoneActiveNow() {
		Plan plan = Plan.of(OUTLOOK, 100, 0.65, PREMIUM, YearMonth.of(2025, 3), null);

		// 65 needed: 5 short in January (nobody lapsed yet), 10 in February (5 lapsed),
		// 17 in March (12 lapsed).
		assertThat(plan.months()).extracting(Plan.PlanMonth::shortfall).containsExactly(5L, 10L, 17L);
		assertThat(plan.months()).extracting(Plan.PlanMonth::renewals).containsExactly(0L, 5L, 12L);
		assertThat(plan.months()).extracting(Plan.PlanMonth::newEnrolments).containsExactly(5L, 5L, 5L);
		assertThat(plan.cost()).isEqualTo(32 * PREMIUM);
		assertThat(plan.through()).isEqualTo(YearMonth.of(2025, 3));
	}

	@Test
	void saysHowLongABudgetHoldsTheTargetAndWhatIsLeft() {
		Plan.BudgetOutcome budget = Plan.of(OUTLOOK, 100, 0.5, PREMIUM, YearMonth.of(2025, 5), 200_000L).budget();

		assertThat(budget.holdsThrough()).isEqualTo(YearMonth.of(2025, 3));
		assertThat(budget.monthsHeld()).isEqualTo(3);
		assertThat(budget.spent()).isEqualTo(33_600);
		assertThat(budget.leftOver()).isEqualTo(200_000 - 33_600);
		assertThat(budget.lastsThroughHorizon()).isFalse();

		Plan.BudgetOutcome enough = Plan.of(OUTLOOK, 100, 0.5, PREMIUM, YearMonth.of(2025, 5), 369_600L).budget();
		assertThat(enough.holdsThrough()).isEqualTo(YearMonth.of(2025, 5));
		assertThat(enough.leftOver()).isZero();
		assertThat(enough.lastsThroughHorizon()).isTrue();

		Plan.BudgetOutcome none = Plan.of(OUTLOOK, 100, 0.65, PREMIUM, YearMonth.of(2025, 5), 0L).budget();
		assertThat(none.holdsThrough()).as("January already needs 5 worker-months").isNull();
		assertThat(none.monthsHeld()).isZero();
		assertThat(none.leftOver()).isZero();
	}

	@Test
	void addsUpRegenciesEachHoldingItsOwnTarget() {
		Forecast above = Forecast.of(OUTLOOK, 100L, 0.3, PREMIUM);
		Forecast below = Forecast.of(OUTLOOK, 100L, 0.5, PREMIUM);
		Forecast unknown = Forecast.of(OUTLOOK, null, null, PREMIUM);

		Forecast province = Forecast.sum(List.of(above, below, unknown), JANUARY, OUTLOOK.size(), PREMIUM);

		assertThat(province.workforce()).isEqualTo(200);
		assertThat(province.targetCount()).isEqualTo(30 + 50);
		assertThat(province.months()).extracting(Forecast.ForecastMonth::active)
			.containsExactly(180L, 165L, 144L, 120L, 120L);
		assertThat(province.months().get(3).coverageRatio()).as("only regencies with a workforce").isEqualTo(0.4);
		assertThat(province.months()).extracting(Forecast.ForecastMonth::renewalsNeeded)
			.containsExactly(0L, 0L, 2L, 10L, 10L);
		assertThat(province.firstMonthBelowTarget()).isEqualTo(YearMonth.of(2025, 3));
	}

	private static MonthOutlook month(int month, long active, Map<FundingSource, Long> lapsing) {
		return new MonthOutlook(YearMonth.of(2025, month), active, lapsing);
	}

}
