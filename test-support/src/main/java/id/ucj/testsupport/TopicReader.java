package id.ucj.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a topic with a plain Kafka consumer, as any other team's client would: no Spring, no consumer group.
 * Mark where the topic ends, act, then read what arrived after the mark.
 */
public final class TopicReader implements AutoCloseable {

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

	/** Where each partition of the topic ends now. */
	public Map<TopicPartition, Long> mark() {
		List<TopicPartition> partitions = partitions();
		return new HashMap<>(this.consumer.endOffsets(partitions, Duration.ofSeconds(30)));
	}

	/** How many records were appended since the mark. */
	public long countSince(Map<TopicPartition, Long> mark) {
		return mark().entrySet()
			.stream()
			.mapToLong((end) -> end.getValue() - mark.getOrDefault(end.getKey(), 0L))
			.sum();
	}

	/** Everything appended since the mark, waiting up to {@code timeout} for at least {@code expected} records. */
	public List<ConsumerRecord<byte[], byte[]>> readSince(Map<TopicPartition, Long> mark, int expected, Duration timeout) {
		this.consumer.assign(mark.keySet());
		mark.forEach(this.consumer::seek);
		List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
		Instant deadline = Instant.now().plus(timeout);
		while (records.size() < expected && Instant.now().isBefore(deadline)) {
			this.consumer.poll(Duration.ofMillis(200)).forEach(records::add);
		}
		return records;
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
