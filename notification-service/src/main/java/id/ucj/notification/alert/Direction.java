package id.ucj.notification.alert;

/** Which way a regency's coverage crossed a threshold. */
public enum Direction {

	REACHED, FELL_BACK

}
