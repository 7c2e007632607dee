package id.ucj.benchmark;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Properties;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import id.ucj.contract.CloudEventHeaders;
import id.ucj.contract.ContributionPaid;
import id.ucj.contract.EventType;
import id.ucj.contract.ParticipantEvent;
import id.ucj.contract.ParticipantRegistered;
import tools.jackson.databind.json.JsonMapper;

/**
 * The counting job as a Kafka Streams user would write it, as the reference the
 * aggregator is measured against: exactly-once (v2), the default RocksDB stores. Each
 * participant's membership is the aggregate of its events: registrations and
 * deregistrations applied in capture order (an older one changes nothing), and the months
 * paid (by registrations and contributions, whenever they arrive); the memberships are
 * then re-grouped by the regency in which they are active in the run's month (paid, or
 * within two unpaid months after) and counted, the table's subtract-then-add handling
 * moves and lapses.
 */
final class StreamsReference implements AutoCloseable {

	static final String COUNTS = "active-per-regency";

	private static final String NOWHERE = "-";

	private final KafkaStreams streams;

	private final String applicationId;

	StreamsReference(String bootstrapServers, String topic, Path stateDirectory, YearMonth month) throws Exception {
		long current = epochMonth(month);
		Files.createDirectories(stateDirectory);
		StreamsBuilder builder = new StreamsBuilder();
		Serde<String> strings = Serdes.String();
		builder.stream(topic, Consumed.with(strings, Serdes.ByteArray()))
			.processValues(Parse::new)
			.groupByKey(Grouped.with(strings, strings))
			.aggregate(() -> Membership.NONE.encode(),
					(participant, event, membership) -> Membership.decode(membership).apply(event).encode(),
					Materialized.with(strings, strings))
			.groupBy((participant, membership) -> KeyValue.pair(Membership.decode(membership).activeIn(current), 1L),
					Grouped.with(strings, Serdes.Long()))
			.count(Materialized.as(COUNTS));
		Properties config = new Properties();
		this.applicationId = "streams-reference-" + topic;
		config.put(StreamsConfig.APPLICATION_ID_CONFIG, this.applicationId);
		config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
		config.put(StreamsConfig.STATE_DIR_CONFIG, stateDirectory.toString());
		config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
		config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 2);
		config.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
		this.streams = new KafkaStreams(builder.build(), config);
		this.streams.start();
	}

	/** Also the consumer group whose committed offsets say how far it has processed. */
	String applicationId() {
		return this.applicationId;
	}

	void awaitRunning() throws InterruptedException {
		while (this.streams.state() != KafkaStreams.State.RUNNING) {
			if (this.streams.state().hasCompletedShutdown() || this.streams.state() == KafkaStreams.State.ERROR) {
				throw new IllegalStateException("Kafka Streams stopped: " + this.streams.state());
			}
			Thread.sleep(20);
		}
	}

	/** Active participants, summed over every regency. */
	long active() {
		ReadOnlyKeyValueStore<String, Long> counts = this.streams
			.store(StoreQueryParameters.fromNameAndType(COUNTS, QueryableStoreTypes.keyValueStore()));
		long active = 0;
		try (var all = counts.all()) {
			while (all.hasNext()) {
				KeyValue<String, Long> count = all.next();
				active += NOWHERE.equals(count.key) ? 0 : count.value;
			}
		}
		return active;
	}

	@Override
	public void close() {
		this.streams.close();
	}

	static long epochMonth(YearMonth month) {
		return month.getYear() * 12L + month.getMonthValue() - 1;
	}

	/**
	 * A participant's state: its regency ({@code -} when not registered), the capture
	 * time of its last registration or deregistration, and the months paid, as one range
	 * (the workload pays contiguous months).
	 */
	record Membership(String regency, long lastOccurredAt, long paidFrom, long paidThrough) {

		static final Membership NONE = new Membership(NOWHERE, Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE);

		/**
		 * An event as {@code kind|regency|occurredAt|from|through}, kind
		 * {@code R}egistration or {@code C}ontribution.
		 */
		Membership apply(String event) {
			String[] parts = event.split("\\|");
			long from = Long.parseLong(parts[3]);
			long through = Long.parseLong(parts[4]);
			long paidFrom = Math.min(this.paidFrom, from);
			long paidThrough = Math.max(this.paidThrough, through);
			long occurredAt = Long.parseLong(parts[2]);
			if (parts[0].equals("C") || occurredAt <= this.lastOccurredAt) {
				return new Membership(this.regency, this.lastOccurredAt, paidFrom, paidThrough);
			}
			return new Membership(parts[1], occurredAt, paidFrom, paidThrough);
		}

		/**
		 * Where the participant counts in {@code month}: its regency while active, else
		 * nowhere.
		 */
		String activeIn(long month) {
			return (month >= this.paidFrom && month <= this.paidThrough + 2) ? this.regency : NOWHERE;
		}

		String encode() {
			return this.regency + "|" + this.lastOccurredAt + "|" + this.paidFrom + "|" + this.paidThrough;
		}

		static Membership decode(String text) {
			String[] parts = text.split("\\|");
			return new Membership(parts[0], Long.parseLong(parts[1]), Long.parseLong(parts[2]),
					Long.parseLong(parts[3]));
		}

	}

	/**
	 * Reads the event from the record (type from its CloudEvents header) down to what
	 * counting needs.
	 */
	static final class Parse implements FixedKeyProcessor<String, byte[], String> {

		private static final JsonMapper JSON = JsonMapper.builder().build();

		private FixedKeyProcessorContext<String, String> context;

		@Override
		public void init(FixedKeyProcessorContext<String, String> context) {
			this.context = context;
		}

		@Override
		public void process(FixedKeyRecord<String, byte[]> record) {
			Header type = record.headers().lastHeader(CloudEventHeaders.TYPE);
			EventType eventType = EventType.fromCeType(new String(type.value(), StandardCharsets.UTF_8)).orElseThrow();
			ParticipantEvent event = (ParticipantEvent) JSON.readValue(record.value(), eventType.payloadType());
			long at = event.occurredAt().toEpochMilli();
			String value;
			if (event instanceof ContributionPaid paid) {
				value = "C|" + NOWHERE + "|" + at + "|" + epochMonth(paid.coverFrom()) + "|"
						+ epochMonth(paid.coverThrough());
			}
			else if (event instanceof ParticipantRegistered registered) {
				long captured = epochMonth(YearMonth.from(registered.occurredAt().atZone(Workload.JAMBI_ZONE)));
				value = "R|" + registered.regencyCode() + "|" + at + "|" + captured + "|" + captured;
			}
			else {
				value = "R|" + NOWHERE + "|" + at + "|" + Long.MAX_VALUE + "|" + Long.MIN_VALUE;
			}
			this.context.forward(record.withValue(value));
		}

	}

}
