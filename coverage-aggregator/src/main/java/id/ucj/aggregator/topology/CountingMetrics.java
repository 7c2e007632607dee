package id.ucj.aggregator.topology;

import java.time.Duration;

import id.ucj.aggregator.counting.Membership;

/**
 * What the job tells operators: each event's outcome, dead letters, and its two steps'
 * flushes.
 */
public interface CountingMetrics {

	void counted(Membership.Outcome outcome);

	void deadLettered();

	/**
	 * A counting task forwarded the regencies that changed since its previous flush,
	 * after counting that many participant events (its batch).
	 */
	void forwarded(int events, int regencies);

	/**
	 * The regency step wrote that many regencies to the live view and forwarded their
	 * snapshots, in that time.
	 */
	void written(int regencies, Duration took);

	/**
	 * The live view could not be written: those regencies wait for the next flush.
	 */
	void viewFailed(int regencies);

	/**
	 * A task of that step found nothing left to forward or write at a flush: everything
	 * it took in is out.
	 */
	default void settled(Step step, int partition) {
	}

	/** The job's two steps. */
	enum Step {

		/** Counts participant events, per input partition. */
		COUNTING,
		/** Sums the partitions' counts per regency and writes the live view. */
		REGENCY

	}

}
