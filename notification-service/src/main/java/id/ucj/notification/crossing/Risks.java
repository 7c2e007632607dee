package id.ucj.notification.crossing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;

import id.ucj.contract.ActiveForecast;
import id.ucj.contract.CoverageSnapshot;
import id.ucj.notification.alert.Direction;

/**
 * The at-risk rule for one threshold T: a regency at or above T now whose forecast
 * (participants still active if nothing is renewed) falls below T within the horizon is
 * at risk, for the first month it falls in; once per (regency, T, month). The risk
 * clears, with an alert, when a later forecast no longer falls within the horizon while
 * the regency is still at or above T; it ends silently when the regency does fall (a
 * {@code FELL_BACK} says so) or when the forecast moves to another month (which is a new
 * risk).
 */
final class Risks {

	private Risks() {
	}

	/**
	 * A change of risk.
	 *
	 * @param renewalsNeeded participants to renew to stay at T in {@code month}
	 * ({@code AT_RISK} only)
	 * @param renewalCost one month of those renewals, in rupiah, when the snapshot names
	 * a premium
	 */
	record RiskChange(double threshold, Direction direction, YearMonth month, Long renewalsNeeded, Long renewalCost) {
	}

	/**
	 * The month at risk after this snapshot ({@code null}: none), and the alert it calls
	 * for, if any.
	 */
	record Outcome(YearMonth riskMonth, RiskChange change) {
	}

	static Outcome evaluate(double threshold, YearMonth atRisk, CoverageSnapshot snapshot, int horizon) {
		if (snapshot.workforce() == null || snapshot.workforce() <= 0 || snapshot.coverageRatio() == null
				|| snapshot.forecast().isEmpty()) {
			return new Outcome(atRisk, null);
		}
		long targetCount = BigDecimal.valueOf(threshold)
			.multiply(BigDecimal.valueOf(snapshot.workforce()))
			.setScale(0, RoundingMode.CEILING)
			.longValueExact();
		boolean atOrAbove = snapshot.covered() >= targetCount;
		ActiveForecast falls = snapshot.forecast()
			.stream()
			.limit(horizon)
			.filter((month) -> month.active() < targetCount)
			.findFirst()
			.orElse(null);
		if (!atOrAbove) {
			return new Outcome(null, null);
		}
		if (falls != null) {
			if (falls.month().equals(atRisk)) {
				return new Outcome(atRisk, null);
			}
			long renewals = targetCount - falls.active();
			Long cost = (snapshot.premium() != null) ? Math.multiplyExact(renewals, snapshot.premium()) : null;
			return new Outcome(falls.month(),
					new RiskChange(threshold, Direction.AT_RISK, falls.month(), renewals, cost));
		}
		if (atRisk != null) {
			return new Outcome(null, new RiskChange(threshold, Direction.RISK_CLEARED, atRisk, null, null));
		}
		return new Outcome(null, null);
	}

}
