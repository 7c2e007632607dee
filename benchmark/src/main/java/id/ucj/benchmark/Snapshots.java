package id.ucj.benchmark;

import java.time.Duration;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Regencies' counts as the aggregator publishes them: its snapshots on
 * {@code coverage-changes}, read as they arrive (a fetch returns as soon as a snapshot is
 * there). A registration is counted when its regency's snapshot includes it; reading the
 * snapshots, rather than asking the aggregator's API every few milliseconds, puts no load
 * on the aggregator or the store under measure.
 */
final class Snapshots implements AutoCloseable {

	private final JsonMapper json = JsonMapper.builder().build();

	private final KafkaConsumer<String, byte[]> consumer;

	/** A regency's latest snapshot so far, and its version. */
	private record Latest(long version, JsonNode snapshot) {

		long covered() {
			return this.snapshot.get("covered").asLong();
		}

		/**
		 * Its forecast of the participants still active in {@code month}, if nothing more
		 * is paid.
		 */
		long activeIn(YearMonth month) {
			for (JsonNode ahead : this.snapshot.get("forecast")) {
				if (month.toString().equals(ahead.get("month").asString())) {
					return ahead.get("active").asLong();
				}
			}
			throw new IllegalArgumentException("No forecast for " + month + " in " + this.snapshot.get("regencyCode"));
		}

	}

	private final Map<String, Latest> latest = new HashMap<>();

	Snapshots(String bootstrapServers, String topic) {
		Properties config = new Properties();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
		this.consumer = new KafkaConsumer<>(config);
		List<TopicPartition> partitions = this.consumer.partitionsFor(topic, Duration.ofSeconds(30))
			.stream()
			.map((partition) -> new TopicPartition(topic, partition.partition()))
			.toList();
		this.consumer.assign(partitions);
		this.consumer.seekToBeginning(partitions);
	}

	/**
	 * The regency's count in its latest snapshot, after waiting at most {@code wait} for
	 * new snapshots.
	 */
	long covered(String regency, Duration wait) {
		take(this.consumer.poll(wait));
		Latest regencyLatest = this.latest.get(regency);
		return (regencyLatest != null) ? regencyLatest.covered() : 0;
	}

	/**
	 * The regency's count in its latest snapshot, once every snapshot published so far
	 * has been read.
	 */
	long coveredNow(String regency) {
		readToEnd();
		return covered(regency, Duration.ZERO);
	}

	/**
	 * The regency's month in its latest snapshot, once every snapshot published so far
	 * has been read.
	 */
	YearMonth monthNow(String regency) {
		readToEnd();
		return YearMonth.parse(this.latest.get(regency).snapshot().get("month").asString());
	}

	/**
	 * How many of the regency's participants its latest snapshot forecasts as still
	 * active in {@code month}, after waiting at most {@code wait} for new snapshots: paid
	 * cover counted moves this forward.
	 */
	long activeIn(String regency, YearMonth month, Duration wait) {
		take(this.consumer.poll(wait));
		Latest regencyLatest = this.latest.get(regency);
		return (regencyLatest != null) ? regencyLatest.activeIn(month) : 0;
	}

	private void readToEnd() {
		Map<TopicPartition, Long> ends = this.consumer.endOffsets(this.consumer.assignment());
		while (ends.entrySet().stream().anyMatch((end) -> this.consumer.position(end.getKey()) < end.getValue())) {
			take(this.consumer.poll(Duration.ofMillis(100)));
		}
	}

	private void take(ConsumerRecords<String, byte[]> records) {
		for (ConsumerRecord<String, byte[]> record : records) {
			if (record.value() == null) {
				continue;
			}
			JsonNode snapshot = this.json.readTree(record.value());
			long version = snapshot.get("version").asLong();
			Latest before = this.latest.get(record.key());
			// Snapshots of a regency may arrive out of order (at least once); only a
			// newer version counts.
			if (before == null || version > before.version()) {
				this.latest.put(record.key(), new Latest(version, snapshot));
			}
		}
	}

	@Override
	public void close() {
		this.consumer.close();
	}

}
