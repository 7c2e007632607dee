package id.ucj.aggregator.coverage;

import id.ucj.aggregator.counting.Counts;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A regency's counters as stored ({@code counters}, written only by this package): the
 * regency's counts ({@code totals}), the offset of the last event of each Kafka partition
 * counted here ({@code partitions.p0.offset}, ...), and the regency's month as last
 * published. {@code version} grows with every change, so that snapshots can be ordered
 * and writers can compare-and-set on it. Counters written before the counts had one set
 * per regency keep theirs per partition, beside the offset; the regency's counts are the
 * totals plus those.
 */
@Document(CounterDocument.COLLECTION)
record CounterDocument(@Id String code, long version, Instant updatedAt, Instant lastEventAt,
		Map<String, Map<String, Long>> partitions, Map<String, Long> totals, String month) {

	static final String COLLECTION = "counters";

	static final String VERSION = "version";

	static final String TOTALS = "totals";

	static final String OFFSET = "offset";

	static String partitionKey(int partition) {
		return "p" + partition;
	}

	static String offsetField(int partition) {
		return "partitions." + partitionKey(partition) + "." + OFFSET;
	}

	/** Counters of a regency nothing was counted for yet. */
	static CounterDocument empty(String code) {
		return new CounterDocument(code, 0, null, null, Map.of(), Map.of(), null);
	}

	/** Offset of the last event of this partition counted here, -1 when none. */
	long countedOffset(int partition) {
		Map<String, Long> counters = (this.partitions != null) ? this.partitions.get(partitionKey(partition)) : null;
		return (counters != null && counters.get(OFFSET) != null) ? counters.get(OFFSET) : -1;
	}

	/**
	 * The regency's counts: its totals, plus what counters written before totals keep per
	 * partition.
	 */
	Counts counts() {
		Counts total = (this.totals != null) ? Counts.of(this.totals) : new Counts();
		if (this.partitions != null) {
			this.partitions.values().forEach((counters) -> {
				Map<String, Long> counts = new HashMap<>(counters);
				counts.remove(OFFSET);
				total.add(Counts.of(counts));
			});
		}
		return total;
	}

	/**
	 * What a batch adds to one regency: the changes of its events not counted yet (those
	 * above each partition's counted offset), and each partition's new offset.
	 */
	record Increment(Counts counts, Map<Integer, Long> offsets, Instant lastEventAt) {

		/**
		 * The supplies of one regency not counted yet by {@code counter}; {@code null}
		 * when there are none.
		 */
		static Increment uncounted(CounterDocument counter, List<BatchFold.Supply> supplies) {
			Counts counts = new Counts();
			Map<Integer, Long> offsets = new HashMap<>();
			Instant lastEventAt = null;
			for (BatchFold.Supply supply : supplies) {
				if (supply.offset() > counter.countedOffset(supply.partition())) {
					counts.add(supply.counts());
					offsets.merge(supply.partition(), supply.offset(), Math::max);
					lastEventAt = (lastEventAt == null || supply.occurredAt().isAfter(lastEventAt))
							? supply.occurredAt() : lastEventAt;
				}
			}
			return offsets.isEmpty() ? null : new Increment(counts, offsets, lastEventAt);
		}

	}

	/**
	 * These counters once {@code increment} is applied at {@code now}: what the store
	 * holds after the update.
	 */
	CounterDocument plus(Increment increment, Instant now) {
		Map<String, Map<String, Long>> partitions = new HashMap<>(
				(this.partitions != null) ? this.partitions : Map.of());
		increment.offsets().forEach((partition, offset) -> {
			Map<String, Long> counters = new HashMap<>(partitions.getOrDefault(partitionKey(partition), Map.of()));
			counters.put(OFFSET, offset);
			partitions.put(partitionKey(partition), counters);
		});
		Map<String, Long> totals = new HashMap<>((this.totals != null) ? this.totals : Map.of());
		increment.counts().asMap().forEach((name, amount) -> totals.merge(name, amount, Long::sum));
		Instant lastEventAt = (this.lastEventAt == null || increment.lastEventAt().isAfter(this.lastEventAt))
				? increment.lastEventAt() : this.lastEventAt;
		return new CounterDocument(this.code, this.version + 1, now, lastEventAt, partitions, totals, this.month);
	}

}
