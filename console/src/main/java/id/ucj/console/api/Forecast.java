package id.ucj.console.api;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * A regency's forecast, as {@code GET /api/v1/coverage/{code}/forecast} gives it: month
 * by month, if nothing is renewed and nobody new enrols.
 */
public record Forecast(String regencyCode, String regencyName, YearMonth month, Long workforce, Double target,
		Long targetCount, long premium, YearMonth firstMonthBelowTarget, List<Month> months) {

	public Forecast {
		months = (months != null) ? List.copyOf(months) : List.of();
	}

	public record Month(YearMonth month, long active, Double coverageRatio, long lapsing,
			Map<String, Long> lapsingByFundingSource, Long renewalsNeeded, Long renewalCost) {

		/** Whether this month is below the target count; {@code null} without one. */
		public Boolean belowTarget(Long targetCount) {
			return (targetCount == null) ? null : this.active < targetCount;
		}

	}

}
