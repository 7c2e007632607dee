package id.ucj.aggregator.topology;

import java.time.Instant;

import id.ucj.aggregator.counting.Counts;

/**
 * A regency's counts over every partition, as the live view is to hold them.
 * {@code version} only grows from one state of the regency to the next (the offset of the
 * message that made it), so that a replayed or stale write of an older state can be told
 * from a newer one and changes nothing.
 */
public record RegencyTotal(String regencyCode, long version, Instant lastEventAt, Counts counts) {
}
