package id.ucj.aggregator.topology;

/**
 * A record on the participant events topic that is not a valid event: it goes to the
 * dead-letter topic.
 */
public class InvalidEvent extends RuntimeException {

	InvalidEvent(String message) {
		super(message);
	}

	InvalidEvent(String message, Throwable cause) {
		super(message, cause);
	}

}
