package id.ucj.aggregator.coverage;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A regency's counters as stored ({@code counters}, written only by this package): one sub-document per Kafka
 * partition ({@code p0}, {@code p1}, ...) holding the counts and the offset of the last event of that partition
 * counted here, and the regency's month as last published. The regency's counts are the sum over its partitions.
 * {@code version} grows with every change, so that snapshots can be ordered.
 */
@Document(CounterDocument.COLLECTION)
record CounterDocument(@Id String code, long version, Instant updatedAt, Instant lastEventAt,
		Map<String, Map<String, Long>> partitions, String month) {

	static final String COLLECTION = "counters";

	static final String OFFSET = "offset";

	static String partitionKey(int partition) {
		return "p" + partition;
	}

	/** Counters of a regency nothing was counted for yet. */
	static CounterDocument empty(String code) {
		return new CounterDocument(code, 0, null, null, Map.of(), null);
	}

	/** Offset of the last event of this partition counted here, -1 when none. */
	long countedOffset(int partition) {
		Map<String, Long> counters = (this.partitions != null) ? this.partitions.get(partitionKey(partition)) : null;
		return (counters != null && counters.get(OFFSET) != null) ? counters.get(OFFSET) : -1;
	}

	/** The regency's counts: the sum over its partitions. */
	Counts counts() {
		Counts total = new Counts();
		if (this.partitions != null) {
			this.partitions.values().forEach((counters) -> {
				Map<String, Long> counts = new HashMap<>(counters);
				counts.remove(OFFSET);
				total.add(Counts.of(counts));
			});
		}
		return total;
	}

}
