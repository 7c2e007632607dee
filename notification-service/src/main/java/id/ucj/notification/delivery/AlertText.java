package id.ucj.notification.delivery;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

import id.ucj.notification.alert.Alert;
import id.ucj.notification.alert.Direction;

/** How an alert reads to a person. */
final class AlertText {

	private AlertText() {
	}

	static String summary(Alert alert) {
		String verb = switch (alert.direction()) {
			case REACHED -> "reached";
			case FELL_BACK -> "fell back below";
			case AT_RISK -> "is forecast to fall below";
			case RISK_CLEARED -> "is no longer forecast to fall below";
		};
		String when = (alert.riskMonth() != null) ? " in " + alert.riskMonth() : "";
		return alert.regencyName() + " (" + alert.regencyCode() + ") " + verb + " " + percent(alert.threshold())
				+ " coverage" + when;
	}

	static String description(Alert alert) {
		String renew = (alert.direction() == Direction.AT_RISK) ? "; renew " + alert.renewalsNeeded() + " participants"
				+ ((alert.renewalCost() != null)
						? " (Rp " + String.format(Locale.ROOT, "%,d", alert.renewalCost()) + " a month)" : "")
				+ " to stay there" : "";
		return summary(alert) + renew + ": " + alert.covered() + " of " + alert.workforce() + " workers covered ("
				+ percent(alert.coverageRatio()) + ") at " + alert.crossedAt() + "; target "
				+ ((alert.target() != null) ? percent(alert.target()) : "not set") + "; province "
				+ alert.provinceCode() + ".";
	}

	private static String percent(Double ratio) {
		return BigDecimal.valueOf(ratio * 100).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString()
				+ "%";
	}

}
