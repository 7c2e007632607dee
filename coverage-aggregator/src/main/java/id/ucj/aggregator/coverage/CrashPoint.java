package id.ucj.aggregator.coverage;

/**
 * Where the counting can be made to fail on purpose, between writing the memberships and
 * writing the regency counters, to prove that a replay after a crash there counts exactly
 * once. Does nothing in production.
 */
@FunctionalInterface
public interface CrashPoint {

	void afterMembershipsWritten(java.util.List<String> participantIds);

}
