package id.ucj.aggregator.forecast;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import id.ucj.contract.FundingSource;

/**
 * What a regency's coverage becomes, month by month from its current one, if nothing is
 * renewed and nobody new enrols; and, against its target, the renewals each month needs
 * to stay there and what they cost.
 *
 * @param month the first month forecast: the regency's current one
 * @param targetCount {@code ceil(target x workforce)}, {@code null} without both
 * @param premium rupiah per worker-month the costs are priced with
 * @param firstMonthBelowTarget the first month forecast below the target count,
 * {@code null} if none
 */
public record Forecast(YearMonth month, Long workforce, Double target, Long targetCount, long premium,
		YearMonth firstMonthBelowTarget, List<ForecastMonth> months) {

	/**
	 * One month of a forecast.
	 *
	 * @param lapsing participants active the month before and not in this one
	 * @param renewalsNeeded {@code max(0, targetCount - active)}: worker-months of cover
	 * to pay to stay at target
	 * @param renewalCost {@code renewalsNeeded x premium}, whole rupiah
	 */
	public record ForecastMonth(YearMonth month, long active, Double coverageRatio, long lapsing,
			Map<FundingSource, Long> lapsingByFundingSource, Long renewalsNeeded, Long renewalCost) {
	}

	/** The forecast over {@code outlook}, its months in order from the current one. */
	public static Forecast of(List<MonthOutlook> outlook, Long workforce, Double target, long premium) {
		Long targetCount = (workforce != null && workforce > 0 && target != null) ? targetCount(target, workforce)
				: null;
		List<ForecastMonth> months = new ArrayList<>();
		YearMonth firstBelow = null;
		for (MonthOutlook month : outlook) {
			Long shortfall = (targetCount != null) ? Math.max(0, targetCount - month.active()) : null;
			if (shortfall != null && shortfall > 0 && firstBelow == null) {
				firstBelow = month.month();
			}
			months.add(new ForecastMonth(month.month(), month.active(), ratio(month.active(), workforce),
					month.lapsingTotal(), month.lapsing(), shortfall,
					(shortfall != null) ? Math.multiplyExact(shortfall, premium) : null));
		}
		YearMonth first = outlook.isEmpty() ? null : outlook.get(0).month();
		return new Forecast(first, workforce, target, targetCount, premium, firstBelow, List.copyOf(months));
	}

	/**
	 * A province's or the nation's forecast: its regencies' forecasts (over the same
	 * months) added up. Each regency holds its own target: the renewals needed are the
	 * sum of each one's, and the first month below target is the first in which any
	 * regency is; workforce and the ratio count only regencies whose workforce is known.
	 */
	public static Forecast sum(List<Forecast> regencies, YearMonth month, int length, long premium) {
		long workforce = regencies.stream().filter((f) -> f.workforce() != null).mapToLong(Forecast::workforce).sum();
		long targetCount = regencies.stream()
			.filter((f) -> f.targetCount() != null)
			.mapToLong(Forecast::targetCount)
			.sum();
		List<ForecastMonth> months = new ArrayList<>();
		YearMonth firstBelow = null;
		for (int i = 0; i < length; i++) {
			long active = 0;
			long activeWhereWorkforceKnown = 0;
			long lapsing = 0;
			long renewals = 0;
			Map<FundingSource, Long> byFunding = new EnumMap<>(FundingSource.class);
			for (Forecast regency : regencies) {
				ForecastMonth at = regency.months().get(i);
				active += at.active();
				activeWhereWorkforceKnown += (regency.workforce() != null) ? at.active() : 0;
				lapsing += at.lapsing();
				renewals += (at.renewalsNeeded() != null) ? at.renewalsNeeded() : 0;
				at.lapsingByFundingSource().forEach((source, count) -> byFunding.merge(source, count, Long::sum));
			}
			YearMonth at = month.plusMonths(i);
			if (renewals > 0 && firstBelow == null) {
				firstBelow = at;
			}
			months.add(new ForecastMonth(at, active, ratio(activeWhereWorkforceKnown, workforce), lapsing, byFunding,
					renewals, Math.multiplyExact(renewals, premium)));
		}
		return new Forecast(month, workforce, null, targetCount, premium, firstBelow, List.copyOf(months));
	}

	/** {@code ceil(target x workforce)}, in decimal: 0.65 x 1,120 is 728, not 729. */
	static long targetCount(double target, long workforce) {
		return BigDecimal.valueOf(target)
			.multiply(BigDecimal.valueOf(workforce))
			.setScale(0, RoundingMode.CEILING)
			.longValueExact();
	}

	private static Double ratio(long active, Long workforce) {
		return (workforce != null && workforce > 0) ? (double) active / workforce : null;
	}

}
