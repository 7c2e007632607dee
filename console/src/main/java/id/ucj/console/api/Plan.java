package id.ucj.console.api;

import java.time.YearMonth;
import java.util.List;

/**
 * What holding a target costs, and how long a budget holds it, as {@code GET
 * /api/v1/coverage/{code}/plan} gives it.
 */
public record Plan(String regencyCode, String regencyName, long covered, YearMonth from, YearMonth through,
		double target, long workforce, long targetCount, long premium, long workerMonths, long renewals,
		long newEnrolments, long cost, List<Month> months, Budget budget) {

	public Plan {
		months = (months != null) ? List.copyOf(months) : List.of();
	}

	public record Month(YearMonth month, long active, long shortfall, long renewals, long newEnrolments, long cost,
			long cumulativeCost) {
	}

	public record Budget(long amount, YearMonth holdsThrough, int monthsHeld, long spent, long leftOver,
			boolean lastsThroughHorizon) {
	}

}
