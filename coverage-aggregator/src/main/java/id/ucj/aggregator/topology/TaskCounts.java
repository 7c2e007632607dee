package id.ucj.aggregator.topology;

import java.time.Instant;
import java.util.Map;

/**
 * One task's counts of one regency: what the events of its input partition add to the
 * regency, absolute, with the offset of the last event that changed them.
 * {@code forwarded} says whether the regency step has been sent them: kept in the store,
 * so that counts committed but not yet forwarded when an instance died are forwarded by
 * the next owner.
 */
record TaskCounts(long offset, Instant lastEventAt, Map<String, Long> counts, boolean forwarded) {
}
