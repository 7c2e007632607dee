package id.ucj.contract;

/** Default topic names; each service lets configuration override them. */
public final class Topics {

	/**
	 * Registrations and deregistrations, keyed by participantId so that a participant's
	 * events stay in order.
	 */
	public static final String PARTICIPANT_EVENTS = "participant-events";

	/**
	 * Compacted; keyed by regencyCode; the value is the regency's latest
	 * {@link CoverageSnapshot}.
	 */
	public static final String COVERAGE_CHANGES = "coverage-changes";

	/** Appended to a topic's name to name its dead-letter topic. */
	public static final String DEAD_LETTER_SUFFIX = ".DLT";

	private Topics() {
	}

}
