package id.ucj.enrollment.publishing;

/**
 * Kafka did not acknowledge every event in time: the caller must not report them as
 * accepted.
 */
public class EventsNotPublished extends RuntimeException {

	EventsNotPublished(Throwable cause) {
		super("Kafka did not acknowledge the events", cause);
	}

}
