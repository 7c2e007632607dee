package id.ucj.notification.delivery;

import java.math.BigDecimal;
import java.math.RoundingMode;

import id.ucj.notification.alert.Alert;
import id.ucj.notification.alert.Direction;

/** How an alert reads to a person. */
final class AlertText {

	private AlertText() {
	}

	static String summary(Alert alert) {
		String verb = (alert.direction() == Direction.REACHED) ? "reached" : "fell back below";
		return alert.regencyName() + " (" + alert.regencyCode() + ") " + verb + " " + percent(alert.threshold())
				+ " coverage";
	}

	static String description(Alert alert) {
		return summary(alert) + ": " + alert.covered() + " of " + alert.workforce() + " workers covered ("
				+ percent(alert.coverageRatio()) + ") at " + alert.crossedAt() + "; target "
				+ ((alert.target() != null) ? percent(alert.target()) : "not set") + "; province " + alert.provinceCode()
				+ ".";
	}

	private static String percent(Double ratio) {
		return BigDecimal.valueOf(ratio * 100).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "%";
	}

}
