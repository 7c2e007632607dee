package id.ucj.notification.delivery;

import id.ucj.notification.alert.Alert;

/**
 * Somewhere alerts go. Delivery is at least once; the alert's id is the idempotency key
 * receivers dedupe on.
 */
interface AlertChannel {

	String name();

	/** Delivers, or throws if the receiver did not take it. */
	void deliver(Alert alert);

}
