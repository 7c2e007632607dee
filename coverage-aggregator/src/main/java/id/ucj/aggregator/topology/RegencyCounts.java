package id.ucj.aggregator.topology;

import java.time.Instant;
import java.util.Map;

import id.ucj.aggregator.counting.Counts;

/**
 * The regency step's state for one regency: the latest counts of each partition of
 * participant-events, and the offset (on the partition counts topic) of the last message
 * applied, which orders every state of the regency. {@code written} says whether the live
 * view has this state.
 */
record RegencyCounts(Map<Integer, PartitionCounts> partitions, long offset, boolean written) {

	/** The regency's counts: the sum of its partitions'. */
	Counts total() {
		Counts total = new Counts();
		this.partitions.values().forEach((partition) -> total.add(Counts.of(partition.counts())));
		return total;
	}

	Instant lastEventAt() {
		return this.partitions.values()
			.stream()
			.map(PartitionCounts::lastEventAt)
			.filter((at) -> at != null)
			.max(Instant::compareTo)
			.orElse(null);
	}

}
