package id.ucj.notification.delivery;

/**
 * A receiver answered with something other than success (a redirect included): the
 * delivery failed and is retried. The message names the status only, never the receiver's
 * address or its answer's body.
 */
class ReceiverRefused extends RuntimeException {

	private final int status;

	ReceiverRefused(int status) {
		super("The receiver answered HTTP " + status);
		this.status = status;
	}

	int status() {
		return this.status;
	}

}
