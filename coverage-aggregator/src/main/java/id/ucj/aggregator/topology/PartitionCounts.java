package id.ucj.aggregator.topology;

import java.time.Instant;
import java.util.Map;

/**
 * What the events of one partition of participant-events add to one regency, absolute, as
 * of the event at {@code offset}: the message from the counting step to the regency step,
 * keyed by regency code.
 */
record PartitionCounts(int partition, long offset, Instant lastEventAt, Map<String, Long> counts) {
}
