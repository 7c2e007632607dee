package id.ucj.aggregator.topology;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import id.ucj.aggregator.counting.Counts;
import id.ucj.aggregator.counting.LapseRule;
import id.ucj.aggregator.counting.Membership;
import id.ucj.contract.ParticipantEvent;

/**
 * The counting step, one instance per partition of participant-events: each event moves
 * its participant's membership (in the participant store, written only when it changes)
 * and, through it, this partition's counts of the regencies it touches. The regencies
 * that changed are forwarded, coalesced, every {@code flushInterval}: the absolute
 * counts, never single events, so nothing per participant crosses a topic. A record that
 * is not a valid event goes to the dead-letter topic, in the same transaction.
 */
final class ParticipantCounting implements Processor<String, byte[], String, Object> {

	static final String EXCEPTION_MESSAGE = "kafka_dlt-exception-message";

	private final EventParser parser;

	private final LapseRule rule;

	private final Duration flushInterval;

	private final CountingMetrics metrics;

	private final Set<String> changed = new LinkedHashSet<>();

	/**
	 * What the task-counts store holds, as last written by this task (its only writer),
	 * so that counting an event reads no value back from the store.
	 */
	private final Map<String, Tally> tallies = new HashMap<>();

	/** Events counted since the last forward. */
	private int events;

	private ProcessorContext<String, Object> context;

	private KeyValueStore<String, Membership> participants;

	private KeyValueStore<String, TaskCounts> counts;

	ParticipantCounting(EventParser parser, LapseRule rule, Duration flushInterval, CountingMetrics metrics) {
		this.parser = parser;
		this.rule = rule;
		this.flushInterval = flushInterval;
		this.metrics = metrics;
	}

	@Override
	public void init(ProcessorContext<String, Object> context) {
		// A revived task starts again from its committed state: what this object
		// remembered is void.
		this.changed.clear();
		this.tallies.clear();
		this.events = 0;
		this.context = context;
		this.participants = context.getStateStore(CountingTopology.PARTICIPANTS);
		this.counts = context.getStateStore(CountingTopology.TASK_COUNTS);
		// Counts committed by an instance that died before forwarding them: this owner
		// forwards them.
		try (KeyValueIterator<String, TaskCounts> all = this.counts.all()) {
			all.forEachRemaining((entry) -> {
				if (!entry.value.forwarded()) {
					this.changed.add(entry.key);
				}
			});
		}
		context.schedule(this.flushInterval, PunctuationType.WALL_CLOCK_TIME, (now) -> forward());
	}

	@Override
	public void process(Record<String, byte[]> record) {
		ParticipantEvent event;
		try {
			event = this.parser.read(record.headers(), record.key(), record.value());
		}
		catch (InvalidEvent invalid) {
			this.metrics.deadLettered();
			this.context.forward(
					record.withValue((Object) record.value())
						.withHeaders(record.headers()
							.remove(EXCEPTION_MESSAGE)
							.add(EXCEPTION_MESSAGE, invalid.getMessage().getBytes(StandardCharsets.UTF_8))),
					CountingTopology.DEAD_LETTERS);
			return;
		}
		Membership before = this.participants.get(event.participantId());
		Membership.Transition transition = ((before != null) ? before : Membership.NONE).apply(event, this.rule);
		if (!transition.next().equals(before)) {
			this.participants.put(event.participantId(), transition.next());
		}
		long offset = this.context.recordMetadata().orElseThrow().offset();
		transition.changes().forEach((regency, change) -> add(regency, change, offset, event.occurredAt()));
		this.metrics.counted(transition.outcome());
		this.events++;
	}

	private void add(String regency, Counts change, long offset, Instant occurredAt) {
		Tally tally = this.tallies.computeIfAbsent(regency, this::load);
		tally.counts.add(change);
		tally.offset = offset;
		if (tally.lastEventAt == null || occurredAt.isAfter(tally.lastEventAt)) {
			tally.lastEventAt = occurredAt;
		}
		this.counts.put(regency, tally.stored(false));
		this.changed.add(regency);
	}

	private Tally load(String regency) {
		TaskCounts stored = this.counts.get(regency);
		return (stored != null) ? new Tally(stored.offset(), stored.lastEventAt(), Counts.of(stored.counts()))
				: new Tally(0, null, new Counts());
	}

	private void forward() {
		if (this.changed.isEmpty()) {
			this.metrics.settled(CountingMetrics.Step.COUNTING, this.context.taskId().partition());
			return;
		}
		int partition = this.context.taskId().partition();
		long now = this.context.currentSystemTimeMs();
		for (String regency : this.changed) {
			Tally tally = this.tallies.computeIfAbsent(regency, this::load);
			this.context
				.forward(
						new Record<>(regency,
								new PartitionCounts(partition, tally.offset, tally.lastEventAt,
										Map.copyOf(tally.counts.asMap())),
								now),
						CountingTopology.PARTITION_COUNTS_SINK);
			this.counts.put(regency, tally.stored(true));
		}
		this.metrics.forwarded(this.events, this.changed.size());
		this.changed.clear();
		this.events = 0;
	}

	/**
	 * One regency's counts in this task, changed in place: the store is given them again
	 * at every change, and serializes them once per commit ({@link PerCommitStore}).
	 */
	private static final class Tally {

		private long offset;

		private Instant lastEventAt;

		private final Counts counts;

		Tally(long offset, Instant lastEventAt, Counts counts) {
			this.offset = offset;
			this.lastEventAt = lastEventAt;
			this.counts = counts;
		}

		TaskCounts stored(boolean forwarded) {
			return new TaskCounts(this.offset, this.lastEventAt, this.counts.asMap(), forwarded);
		}

	}

}
