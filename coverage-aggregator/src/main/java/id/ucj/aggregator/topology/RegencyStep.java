package id.ucj.aggregator.topology;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.streams.processor.PunctuationType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import id.ucj.contract.CoverageSnapshot;

/**
 * The regency step, keyed by regency: it keeps each partition's latest counts of the
 * regency (a message older than the one applied for its partition changes nothing), and
 * every {@code flushInterval} writes the changed regencies' totals to the live view, then
 * publishes their snapshots to coverage-changes in the same transaction as its state. The
 * view's write is guarded by the version (the offset of the message that made the state),
 * so that writing again after a crash, or from an instance that lost its tasks, changes
 * nothing.
 */
final class RegencyStep implements Processor<String, PartitionCounts, String, byte[]> {

	private static final Logger log = LoggerFactory.getLogger(RegencyStep.class);

	private final LiveView view;

	private final SnapshotWriter snapshots;

	private final Duration flushInterval;

	private final CountingMetrics metrics;

	private final Set<String> changed = new LinkedHashSet<>();

	private ProcessorContext<String, byte[]> context;

	private KeyValueStore<String, RegencyCounts> regencies;

	RegencyStep(LiveView view, SnapshotWriter snapshots, Duration flushInterval, CountingMetrics metrics) {
		this.view = view;
		this.snapshots = snapshots;
		this.flushInterval = flushInterval;
		this.metrics = metrics;
	}

	@Override
	public void init(ProcessorContext<String, byte[]> context) {
		// A revived task starts again from its committed state: what this object
		// remembered is void.
		this.changed.clear();
		this.context = context;
		this.regencies = context.getStateStore(CountingTopology.REGENCY_COUNTS);
		try (KeyValueIterator<String, RegencyCounts> all = this.regencies.all()) {
			all.forEachRemaining((entry) -> {
				if (!entry.value.written()) {
					this.changed.add(entry.key);
				}
			});
		}
		context.schedule(this.flushInterval, PunctuationType.WALL_CLOCK_TIME, (now) -> write());
	}

	@Override
	public void process(Record<String, PartitionCounts> record) {
		PartitionCounts counts = record.value();
		RegencyCounts current = this.regencies.get(record.key());
		PartitionCounts applied = (current != null) ? current.partitions().get(counts.partition()) : null;
		if (applied != null && applied.offset() >= counts.offset()) {
			return;
		}
		Map<Integer, PartitionCounts> partitions = new HashMap<>((current != null) ? current.partitions() : Map.of());
		partitions.put(counts.partition(), counts);
		long offset = this.context.recordMetadata().orElseThrow().offset();
		this.regencies.put(record.key(), new RegencyCounts(partitions, offset, false));
		this.changed.add(record.key());
	}

	private void write() {
		if (this.changed.isEmpty()) {
			this.metrics.settled(CountingMetrics.Step.REGENCY, this.context.taskId().partition());
			return;
		}
		List<RegencyTotal> totals = new ArrayList<>(this.changed.size());
		Map<String, RegencyCounts> states = new HashMap<>();
		for (String regency : this.changed) {
			RegencyCounts state = this.regencies.get(regency);
			if (state == null) {
				continue;
			}
			states.put(regency, state);
			totals.add(new RegencyTotal(regency, state.offset(), state.lastEventAt(), state.total()));
		}
		long now = this.context.currentSystemTimeMs();
		long started = System.nanoTime();
		List<CoverageSnapshot> written;
		try {
			written = this.view.write(totals);
		}
		catch (RuntimeException unavailable) {
			// The view is down: the regencies stay changed and are written at a later
			// flush, which the version guard
			// makes safe however often it is tried. Counting goes on meanwhile.
			this.metrics.viewFailed(totals.size());
			log.warn("Live view not written ({} regencies), retried at the next flush: {}", totals.size(),
					unavailable.toString());
			return;
		}
		for (CoverageSnapshot snapshot : written) {
			this.context.forward(record(snapshot, now));
		}
		states.forEach((regency, state) -> this.regencies.put(regency,
				new RegencyCounts(state.partitions(), state.offset(), true)));
		this.changed.clear();
		this.metrics.written(totals.size(), Duration.ofNanos(System.nanoTime() - started));
	}

	private Record<String, byte[]> record(CoverageSnapshot snapshot, long now) {
		return new Record<>(snapshot.regencyCode(), this.snapshots.bytes(snapshot), now, SnapshotHeaders.of(snapshot));
	}

	/** How a snapshot is written on coverage-changes: the JSON the contract describes. */
	interface SnapshotWriter {

		byte[] bytes(CoverageSnapshot snapshot);

	}

}
