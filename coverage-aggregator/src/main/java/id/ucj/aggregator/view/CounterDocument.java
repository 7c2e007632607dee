package id.ucj.aggregator.view;

import id.ucj.aggregator.counting.Counts;

import java.time.Instant;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A regency's counters as stored ({@code counters}): the regency's counts
 * ({@code totals}) as the Kafka Streams job last wrote them, the version of the regency
 * step's state they came from ({@code countsVersion}), and the regency's month as last
 * published. {@code version} grows with every change (a write of the job, a month turn),
 * so that snapshots can be ordered.
 */
@Document(CounterDocument.COLLECTION)
public record CounterDocument(@Id String code, long version, Instant updatedAt, Instant lastEventAt,
		Map<String, Long> totals, String month) {

	public static final String COLLECTION = "counters";

	public static final String VERSION = "version";

	public static final String TOTALS = "totals";

	public static final String MONTH = "month";

	/** Counters of a regency nothing was counted for yet. */
	public static CounterDocument empty(String code) {
		return new CounterDocument(code, 0, null, null, Map.of(), null);
	}

	/** The regency's counts. */
	public Counts counts() {
		return (this.totals != null) ? Counts.of(this.totals) : new Counts();
	}

}
