package id.ucj.aggregator.topology;

import java.time.Duration;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

import id.ucj.aggregator.counting.LapseRule;
import tools.jackson.databind.json.JsonMapper;

/**
 * The counting job: two sub-topologies joined by the partition counts topic, with no
 * repartition of single events. The counting step runs one task per partition of
 * participant-events, with its participants' memberships and its partition's counts per
 * regency in changelogged stores; it forwards only regencies that changed, coalesced. The
 * regency step, keyed by regency, sums the partitions' counts, writes them to the live
 * view and publishes the snapshots. Under {@code exactly_once_v2} state, output records
 * and input offsets of each step commit together.
 */
public final class CountingTopology {

	static final String PARTICIPANTS = "participants";

	static final String TASK_COUNTS = "task-counts";

	static final String REGENCY_COUNTS = "regency-counts";

	static final String EVENTS = "participant-events";

	static final String COUNTING = "counting";

	static final String DEAD_LETTERS = "dead-letters";

	static final String PARTITION_COUNTS_SINK = "partition-counts-out";

	static final String PARTITION_COUNTS_SOURCE = "partition-counts-in";

	static final String REGENCY_STEP = "regency-step";

	static final String SNAPSHOTS = "coverage-changes";

	private CountingTopology() {
	}

	/** The topics the job reads and writes. */
	public record Topics(String participantEvents, String deadLetters, String partitionCounts, String coverageChanges) {
	}

	public static Topology build(Topics topics, LapseRule rule, LiveView view, JsonMapper json, CountingMetrics metrics,
			Duration flushInterval) {
		return addTo(new Topology(), topics, rule, view, json, metrics, flushInterval);
	}

	/**
	 * Adds the job's two steps to {@code topology} (Spring Kafka's factory bean starts
	 * from its own).
	 */
	public static Topology addTo(Topology topology, Topics topics, LapseRule rule, LiveView view, JsonMapper json,
			CountingMetrics metrics, Duration flushInterval) {
		EventParser parser = new EventParser(json);
		var partitionCounts = RegencyStepSerdes.partitionCounts(json);
		topology.addSource(EVENTS, Serdes.String().deserializer(), Serdes.ByteArray().deserializer(),
				topics.participantEvents());
		topology.addProcessor(COUNTING, () -> new ParticipantCounting(parser, rule, flushInterval, metrics), EVENTS);
		topology.addStateStore(Stores
			// No record cache: a participant's events are days apart, so a cache
			// would hardly ever coalesce two writes, and looking up every event's
			// participant in it cost a fifth of the counting thread
			// (docs/performance-history.md, change 21).
			.keyValueStoreBuilder(Stores.persistentKeyValueStore(PARTICIPANTS), Serdes.String(),
					MembershipSerde.serde())
			.withCachingDisabled(), COUNTING);
		// Written at every event, serialized and logged once per commit.
		topology.addStateStore(PerCommitStore.builder(Stores.keyValueStoreBuilder(
				Stores.persistentKeyValueStore(TASK_COUNTS), Serdes.String(), TaskCountsSerde.serde(json))), COUNTING);
		topology.addSink(DEAD_LETTERS, topics.deadLetters(), Serdes.String().serializer(),
				Serdes.ByteArray().serializer(), COUNTING);
		topology.addSink(PARTITION_COUNTS_SINK, topics.partitionCounts(), Serdes.String().serializer(),
				partitionCounts.serializer(), COUNTING);

		topology.addSource(PARTITION_COUNTS_SOURCE, Serdes.String().deserializer(), partitionCounts.deserializer(),
				topics.partitionCounts());
		topology.addProcessor(REGENCY_STEP,
				() -> new RegencyStep(view, json::writeValueAsBytes, flushInterval, metrics), PARTITION_COUNTS_SOURCE);
		topology.addStateStore(
				PerCommitStore.builder(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(REGENCY_COUNTS),
						Serdes.String(), RegencyStepSerdes.regencyCounts(json))),
				REGENCY_STEP);
		topology.addSink(SNAPSHOTS, topics.coverageChanges(), Serdes.String().serializer(),
				Serdes.ByteArray().serializer(), REGENCY_STEP);
		return topology;
	}

}
