package id.ucj.aggregator.forecast;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * What holding a target from the current month through {@code through} takes, if nothing
 * is renewed otherwise: each month's shortfall in worker-months of paid cover (renewals
 * of participants who lapsed since now, then new enrolments for the rest), and its cost;
 * with a budget, how long that budget holds the target.
 *
 * @param workerMonths the sum of the monthly shortfalls
 * @param cost {@code workerMonths x premium}, whole rupiah
 * @param budget what a budget does, {@code null} when none was given
 */
public record Plan(YearMonth from, YearMonth through, double target, long workforce, long targetCount, long premium,
		long workerMonths, long renewals, long newEnrolments, long cost, List<PlanMonth> months, BudgetOutcome budget) {

	/**
	 * @param renewals of the shortfall, worker-months renewing participants active now
	 * who lapsed by this month
	 * @param newEnrolments the rest of the shortfall: workers beyond those active now
	 */
	public record PlanMonth(YearMonth month, long active, long shortfall, long renewals, long newEnrolments, long cost,
			long cumulativeCost) {
	}

	/**
	 * @param holdsThrough the last month whose cumulative cost stays within the budget,
	 * {@code null} if not even the first month's
	 * @param lastsThroughHorizon the budget pays for every month through {@code through}
	 */
	public record BudgetOutcome(long amount, YearMonth holdsThrough, int monthsHeld, long spent, long leftOver,
			boolean lastsThroughHorizon) {
	}

	/**
	 * The plan over {@code outlook} (from the current month; its months after
	 * {@code through} are not used).
	 * @param budget rupiah, or {@code null} for none
	 */
	public static Plan of(List<MonthOutlook> outlook, long workforce, double target, long premium, YearMonth through,
			Long budget) {
		long targetCount = Forecast.targetCount(target, workforce);
		List<PlanMonth> months = new ArrayList<>();
		long cumulative = 0;
		long lapsedSinceNow = 0;
		long renewals = 0;
		long workerMonths = 0;
		for (MonthOutlook month : outlook) {
			if (month.month().isAfter(through)) {
				break;
			}
			if (!months.isEmpty()) {
				lapsedSinceNow += month.lapsingTotal();
			}
			long shortfall = Math.max(0, targetCount - month.active());
			long renewed = Math.min(shortfall, lapsedSinceNow);
			long cost = Math.multiplyExact(shortfall, premium);
			cumulative = Math.addExact(cumulative, cost);
			workerMonths += shortfall;
			renewals += renewed;
			months.add(new PlanMonth(month.month(), month.active(), shortfall, renewed, shortfall - renewed, cost,
					cumulative));
		}
		YearMonth from = outlook.isEmpty() ? through : outlook.get(0).month();
		return new Plan(from, through, target, workforce, targetCount, premium, workerMonths, renewals,
				workerMonths - renewals, cumulative, List.copyOf(months),
				(budget != null) ? budget(months, budget) : null);
	}

	private static BudgetOutcome budget(List<PlanMonth> months, long amount) {
		YearMonth holdsThrough = null;
		int held = 0;
		long spent = 0;
		for (PlanMonth month : months) {
			if (month.cumulativeCost() > amount) {
				break;
			}
			holdsThrough = month.month();
			held++;
			spent = month.cumulativeCost();
		}
		return new BudgetOutcome(amount, holdsThrough, held, spent, amount - spent, held == months.size());
	}

}
