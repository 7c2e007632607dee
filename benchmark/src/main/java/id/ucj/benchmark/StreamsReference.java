package id.ucj.benchmark;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
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
import id.ucj.contract.EventType;
import id.ucj.contract.ParticipantEvent;
import id.ucj.contract.ParticipantRegistered;
import tools.jackson.databind.json.JsonMapper;

/**
 * The counting job as a Kafka Streams user would write it, as the reference the aggregator is measured against:
 * exactly-once (v2), the default RocksDB stores. Each participant's membership is the aggregate of its events,
 * applied in capture order (an event older than the membership's last change changes nothing);
 * the memberships are then re-grouped by regency and counted, the table's subtract-then-add handling moves.
 */
final class StreamsReference implements AutoCloseable {

	static final String COUNTS = "active-per-regency";

	private static final String NOWHERE = "-";

	private final KafkaStreams streams;

	private final String applicationId;

	StreamsReference(String bootstrapServers, String topic, Path stateDirectory) throws Exception {
		Files.createDirectories(stateDirectory);
		StreamsBuilder builder = new StreamsBuilder();
		Serde<String> strings = Serdes.String();
		builder.stream(topic, Consumed.with(strings, Serdes.ByteArray()))
			.processValues(Parse::new)
			.groupByKey(Grouped.with(strings, strings))
			.aggregate(() -> Membership.NONE.encode(), (participant, event, membership) -> Membership.decode(membership)
				.apply(event)
				.encode(), Materialized.with(strings, strings))
			.groupBy((participant, membership) -> KeyValue.pair(Membership.decode(membership).regency(), 1L),
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

	/** A participant's state: its regency ({@code -} when not covered) and the capture time of its last change. */
	record Membership(String regency, long lastOccurredAt) {

		static final Membership NONE = new Membership(NOWHERE, Long.MIN_VALUE);

		Membership apply(String event) {
			String[] parts = event.split("\\|", 2);
			long occurredAt = Long.parseLong(parts[1]);
			if (occurredAt <= this.lastOccurredAt) {
				return this;
			}
			return new Membership(parts[0], occurredAt);
		}

		String encode() {
			return this.regency + "|" + this.lastOccurredAt;
		}

		static Membership decode(String text) {
			String[] parts = text.split("\\|", 2);
			return new Membership(parts[0], Long.parseLong(parts[1]));
		}

	}

	/** Reads the event from the record (type from its CloudEvents header) down to what counting needs. */
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
			String regency = (event instanceof ParticipantRegistered registered) ? registered.regencyCode() : NOWHERE;
			Instant at = event.occurredAt();
			this.context.forward(record.withValue(regency + "|" + at.toEpochMilli()));
		}

	}

}
