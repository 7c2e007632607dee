package id.ucj.aggregator.topology;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class StreamsConfigurationTest {

	private static final TopicSettings TOPICS = new TopicSettings("participant-events", "coverage-changes", 24,
			(short) 1, Duration.ofDays(14));

	@Test
	void theCountingSettingsDecideTheJobsThreadsAndIntervals() {
		Map<String, Object> config = config(new KafkaProperties(), counting(3));

		assertThat(config).containsEntry(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 3)
			.containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 75L)
			.containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2)
			.containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "aggregator-streams");
	}

	@Test
	void theThreadsSettingWinsOverAStreamsPropertyOfTheSameMeaning() {
		KafkaProperties kafka = new KafkaProperties();
		kafka.getStreams().getProperties().put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, "4");

		assertThat(config(kafka, counting(1))).containsEntry(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
	}

	private static Map<String, Object> config(KafkaProperties kafka, CountingSettings counting) {
		return new StreamsConfiguration().streamsConfiguration(kafka, TOPICS, counting, "aggregator")
			.asProperties()
			.entrySet()
			.stream()
			.collect(Collectors.toMap((entry) -> (String) entry.getKey(), Map.Entry::getValue));
	}

	private static CountingSettings counting(int threads) {
		return new CountingSettings(Duration.ofMillis(20), Duration.ofMillis(75), Path.of("state"),
				DataSize.ofMegabytes(64), DataSize.ofMegabytes(32), null, threads);
	}

}
