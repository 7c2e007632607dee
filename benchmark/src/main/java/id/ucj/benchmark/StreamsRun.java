package id.ucj.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;

/**
 * The Kafka Streams reference on the same events, phase by phase like the aggregator: a
 * phase ends when the application has committed (exactly once) every record of its input
 * topic.
 */
final class StreamsRun {

	private final String bootstrapServers;

	private final int participants;

	private final int known;

	private final Duration phaseTimeout;

	private final Path stateDirectory;

	private final Workload workload;

	private final Pass pass;

	StreamsRun(String bootstrapServers, Workload workload, int participants, int known, Duration phaseTimeout,
			Path stateDirectory, Pass pass) {
		this.workload = workload;
		this.pass = pass;
		this.bootstrapServers = bootstrapServers;
		this.participants = participants;
		this.known = known;
		this.phaseTimeout = phaseTimeout;
		this.stateDirectory = stateDirectory;
	}

	void measure(Figures figures) throws Exception {
		String topic = "participant-events-streams" + this.pass.suffix();
		RawKafka.createTopic(this.bootstrapServers, topic, 6);
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
				RawKafka.workloadProducer(this.bootstrapServers));
				Admin admin = Admin.create(Map.of("bootstrap.servers", this.bootstrapServers))) {
			this.workload.produce(producer, topic, 0, this.participants);
			try (StreamsReference streams = new StreamsReference(this.bootstrapServers, topic, this.stateDirectory,
					YearMonth.from(Instant.now().atZone(Workload.JAMBI_ZONE)))) {
				streams.awaitRunning();
				String group = streams.applicationId();
				StreamThreadsCpu cpu = new StreamThreadsCpu(group);
				phase(figures, "Kafka Streams: new participants", admin, group, topic, this.participants,
						System.nanoTime(), cpu, cpu.nanos());
				long start = System.nanoTime();
				long used = cpu.nanos();
				this.workload.produce(producer, topic, 1, this.known);
				phase(figures, "Kafka Streams: moves (known participants)", admin, group, topic, this.known, start, cpu,
						used);
				start = System.nanoTime();
				used = cpu.nanos();
				this.workload.produce(producer, topic, 1, this.known);
				phase(figures, "Kafka Streams: duplicates (known participants)", admin, group, topic, this.known, start,
						cpu, used);
				start = System.nanoTime();
				used = cpu.nanos();
				this.workload.produceContributions(producer, topic, this.known);
				phase(figures, "Kafka Streams: contributions (known participants)", admin, group, topic, this.known,
						start, cpu, used);
				long active = streams.active();
				figures.add("rocksdb", "Kafka Streams: participants counted", active, "participants",
						(active == this.participants) ? "exact" : "expected " + this.participants);
			}
		}
	}

	/**
	 * The phase ends when the application is drained: its source topic wholly committed,
	 * and every partition it consumes (the source and its repartition topic, where the
	 * per-regency counts are made) committed up to its end. With exactly-once, a source
	 * offset is committed only with the transaction that wrote its repartition records.
	 */
	private void phase(Figures figures, String measure, Admin admin, String group, String topic, int events,
			long startNanos, StreamThreadsCpu cpu, long cpuAtStart) throws Exception {
		long deadline = startNanos + this.phaseTimeout.toNanos();
		long sourceEnd = ends(admin, partitions(admin, topic)).values().stream().mapToLong(Long::longValue).sum();
		Map<TopicPartition, Long> committed = committed(admin, group);
		while (!drained(admin, committed, topic, sourceEnd) && System.nanoTime() < deadline) {
			Thread.sleep(50);
			committed = committed(admin, group);
		}
		double seconds = RawKafka.seconds(startNanos);
		long done = source(committed, topic) - (sourceEnd - events);
		String note = drained(admin, committed, topic, sourceEnd)
				? String.format("%,d events in %.1f s", events, seconds)
				: String.format("stopped after %.0f s with %,d of %,d taken", seconds, done, events);
		figures.add("rocksdb", measure, done / seconds, "events/s", note);
		cpu.add(figures, "rocksdb", measure, cpuAtStart, events);
	}

	private static boolean drained(Admin admin, Map<TopicPartition, Long> committed, String topic, long sourceEnd)
			throws Exception {
		if (source(committed, topic) < sourceEnd) {
			return false;
		}
		Map<TopicPartition, Long> ends = ends(admin, committed.keySet());
		return ends.entrySet().stream().allMatch((end) -> committed.get(end.getKey()) >= end.getValue());
	}

	private static long source(Map<TopicPartition, Long> committed, String topic) {
		return committed.entrySet()
			.stream()
			.filter((offset) -> offset.getKey().topic().equals(topic))
			.mapToLong(Map.Entry::getValue)
			.sum();
	}

	private static Set<TopicPartition> partitions(Admin admin, String topic) throws Exception {
		return admin.describeTopics(Set.of(topic))
			.allTopicNames()
			.get()
			.get(topic)
			.partitions()
			.stream()
			.map((partition) -> new TopicPartition(topic, partition.partition()))
			.collect(Collectors.toSet());
	}

	private static Map<TopicPartition, Long> ends(Admin admin, Set<TopicPartition> partitions) throws Exception {
		return admin.listOffsets(partitions.stream().collect(Collectors.toMap((p) -> p, (p) -> OffsetSpec.latest())))
			.all()
			.get()
			.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, (end) -> end.getValue().offset()));
	}

	private static Map<TopicPartition, Long> committed(Admin admin, String group) throws Exception {
		return admin.listConsumerGroupOffsets(group)
			.partitionsToOffsetAndMetadata()
			.get()
			.entrySet()
			.stream()
			.filter((offset) -> offset.getValue() != null)
			.collect(Collectors.toMap(Map.Entry::getKey, (offset) -> offset.getValue().offset()));
	}

}
