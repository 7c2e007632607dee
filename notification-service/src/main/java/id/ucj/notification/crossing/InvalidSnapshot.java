package id.ucj.notification.crossing;

/**
 * A record on coverage-changes that is not a valid snapshot: it goes to the dead-letter
 * topic.
 */
class InvalidSnapshot extends RuntimeException {

	InvalidSnapshot(String message, Throwable cause) {
		super(message, cause);
	}

}
