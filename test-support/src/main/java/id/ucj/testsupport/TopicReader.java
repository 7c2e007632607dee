package id.ucj.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a topic with a plain Kafka consumer, as any other team's client would: no Spring,
 * no consumer group. Mark where the topic ends, act, wait for the outcome, then read what
 * was appended after the mark up to where the topic ends at that moment: exactly that,
 * and at once, never "whatever arrives within some seconds". In a Spring test,
 * {@link TopicReaderExtension} does the setting up.
 */
public final class TopicReader implements AutoCloseable {

	/**
	 * Only a guard against a read that can never finish; a read returns as soon as it
	 * reaches its end.
	 */
	static final Duration SAFETY_TIMEOUT = Duration.ofSeconds(30);

	private final KafkaConsumer<byte[], byte[]> consumer;

	private final String topic;

	public TopicReader(String bootstrapServers, String topic) {
		Properties config = new Properties();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		this.consumer = new KafkaConsumer<>(config);
		this.topic = topic;
	}

	/**
	 * Where each partition of the topic ends now (for committed records: the last stable
	 * offset).
	 */
	public Map<TopicPartition, Long> mark() {
		List<TopicPartition> partitions = partitions();
		// Assigned, so that the consumer keeps the last stable offsets it asks for rather
		// than warn it cannot.
		this.consumer.assign(partitions);
		return new HashMap<>(this.consumer.endOffsets(partitions, Duration.ofSeconds(30)));
	}

	/**
	 * How many offsets the topic grew by since the mark: records, and transaction markers
	 * if any.
	 */
	public long countSince(Map<TopicPartition, Long> mark) {
		return mark().entrySet()
			.stream()
			.mapToLong((end) -> end.getValue() - mark.getOrDefault(end.getKey(), 0L))
			.sum();
	}

	/** Everything appended since the mark, up to where the topic ends now. */
	public List<ConsumerRecord<byte[], byte[]>> readToEnd(Map<TopicPartition, Long> mark) {
		return readUntil(mark, mark());
	}

	/**
	 * Everything appended between two marks: read from {@code from} (a partition it does
	 * not name, from its first offset) until the consumer's position reaches
	 * {@code until} on every partition (transaction markers and aborted records take
	 * offsets but are never returned, so records are not counted), and nothing appended
	 * later.
	 * @throws AssertionError if the topic does not reach {@code until} within
	 * {@link #SAFETY_TIMEOUT}
	 */
	public List<ConsumerRecord<byte[], byte[]>> readUntil(Map<TopicPartition, Long> from,
			Map<TopicPartition, Long> until) {
		return readUntil(from, until, SAFETY_TIMEOUT);
	}

	List<ConsumerRecord<byte[], byte[]>> readUntil(Map<TopicPartition, Long> from, Map<TopicPartition, Long> until,
			Duration safetyTimeout) {
		this.consumer.assign(until.keySet());
		until.keySet().forEach((partition) -> this.consumer.seek(partition, from.getOrDefault(partition, 0L)));
		List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
		Instant deadline = Instant.now().plus(safetyTimeout);
		while (!reached(until)) {
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("Read " + this.topic + " from " + from + " to " + until + " but stood at "
						+ positions(until) + " after " + safetyTimeout.toSeconds() + " s");
			}
			for (ConsumerRecord<byte[], byte[]> record : this.consumer.poll(Duration.ofMillis(100))) {
				if (record.offset() < until.get(new TopicPartition(record.topic(), record.partition()))) {
					records.add(record);
				}
			}
		}
		return records;
	}

	private boolean reached(Map<TopicPartition, Long> until) {
		return until.entrySet().stream().allMatch((end) -> this.consumer.position(end.getKey()) >= end.getValue());
	}

	private Map<TopicPartition, Long> positions(Map<TopicPartition, Long> until) {
		return until.keySet().stream().collect(Collectors.toMap((partition) -> partition, this.consumer::position));
	}

	private List<TopicPartition> partitions() {
		return this.consumer.partitionsFor(this.topic, Duration.ofSeconds(30))
			.stream()
			.map((info) -> new TopicPartition(info.topic(), info.partition()))
			.toList();
	}

	@Override
	public void close() {
		this.consumer.close();
	}

}
