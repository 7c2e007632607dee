package id.ucj.aggregator.coverage;

import java.time.Instant;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A regency as stored: its reference data, what operators set (workforce, target) and its counters, one
 * sub-document per Kafka partition ({@code p0}, {@code p1}, ...) holding the counts and the offset of the last
 * event of that partition counted here. The regency's counts are the sum over its partitions. {@code version}
 * grows with every change, so that snapshots can be ordered. {@code targetsSetBy} and {@code targetsSetAt} record
 * which client last set the workforce and target, and when.
 */
@Document("regencies")
public record RegencyDocument(@Id String code, String name, String provinceCode, Long workforce, Double target,
		long version, Instant updatedAt, Instant lastEventAt, Map<String, Map<String, Long>> partitions,
		String targetsSetBy, Instant targetsSetAt) {

	static final String OFFSET = "offset";

	static String partitionKey(int partition) {
		return "p" + partition;
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
			this.partitions.values().forEach((counters) -> counters.forEach((name, value) -> {
				if (!OFFSET.equals(name)) {
					total.add(name, value);
				}
			}));
		}
		return total;
	}

}
