package id.ucj.aggregator.topology;

import id.ucj.aggregator.counting.Membership;

/**
 * What the counting step tells operators: each event's outcome, dead letters, regencies
 * forwarded.
 */
public interface CountingMetrics {

	void counted(Membership.Outcome outcome);

	void deadLettered();

	void forwarded(int regencies);

}
