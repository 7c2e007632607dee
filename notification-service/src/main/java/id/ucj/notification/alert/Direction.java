package id.ucj.notification.alert;

/**
 * Which way a regency's coverage crossed a threshold, or is forecast to: {@code AT_RISK}
 * when, at or above it, it is forecast to fall below it within the risk horizon;
 * {@code RISK_CLEARED} when renewals lift that forecast again.
 */
public enum Direction {

	REACHED, FELL_BACK, AT_RISK, RISK_CLEARED

}
