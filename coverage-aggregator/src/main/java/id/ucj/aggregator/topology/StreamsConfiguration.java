package id.ucj.aggregator.topology;

import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.annotation.KafkaStreamsDefaultConfiguration;
import org.springframework.kafka.config.KafkaStreamsConfiguration;
import org.springframework.kafka.config.KafkaStreamsInfrastructureCustomizer;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.kafka.config.TopicBuilder;

import id.ucj.aggregator.counting.LapseRule;
import id.ucj.aggregator.counting.Membership;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The counting job on Kafka Streams, through Spring Kafka's
 * {@code StreamsBuilderFactoryBean}: exactly_once_v2, the stores under
 * {@code ucj.counting.state-dir}.
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
public class StreamsConfiguration {

	@Bean(KafkaStreamsDefaultConfiguration.DEFAULT_STREAMS_CONFIG_BEAN_NAME)
	KafkaStreamsConfiguration streamsConfiguration(KafkaProperties kafka, TopicSettings topics,
			CountingSettings counting, @Value("${spring.kafka.consumer.group-id}") String group) {
		// Spring Boot's streams properties first: the brokers, security (SASL, TLS) and
		// anything set under spring.kafka.streams.properties; then what counting needs.
		Map<String, Object> config = new HashMap<>(kafka.buildStreamsProperties());
		config.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId(group));
		config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
		config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) topics.replicas());
		config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, counting.commitInterval().toMillis());
		config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, counting.threads());
		config.put(StreamsConfig.STATE_DIR_CONFIG, counting.stateDir().toString());
		config.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
		// Memory bounded by configuration: RocksDB's through one shared block cache and
		// write buffer manager. No record cache: the two stores that coalesce their
		// writes keep at most a value per regency on the heap until the commit
		// (PerCommitStore).
		config.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0L);
		config.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedMemory.class);
		config.put(BoundedMemory.BLOCK_CACHE, counting.blockCache().toBytes());
		config.put(BoundedMemory.WRITE_BUFFERS, counting.writeBuffers().toBytes());
		if (counting.instanceId() != null && !counting.instanceId().isBlank()) {
			// Static membership: Kafka Streams names each thread's consumer after it.
			config.put(StreamsConfig.consumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), counting.instanceId());
		}
		return new KafkaStreamsConfiguration(config);
	}

	/**
	 * The job's application id: the service's consumer group with {@code -streams}. Its
	 * changelogs, and the topic between its two steps, are named after it, so one prefix
	 * covers every topic the job owns (ACLs, retention: docs/security.md).
	 */
	public static String applicationId(String group) {
		return group + "-streams";
	}

	/**
	 * The topic between the two steps, keyed by regency (regency counts only, no personal
	 * data): the job's own, named as Kafka Streams names its internal topics.
	 */
	public static String partitionCounts(String group) {
		return applicationId(group) + "-partition-counts";
	}

	@Bean
	StreamsBuilderFactoryBeanConfigurer countingTopology(TopicSettings topics, CountingSettings counting, LiveView view,
			JsonMapper json, CountingMetrics metrics, LapseRule rule,
			@Value("${spring.kafka.consumer.group-id}") String group,
			@Value("${ucj.recount.enabled:false}") boolean recounting) {
		CountingTopology.Topics names = new CountingTopology.Topics(topics.participantEvents(),
				topics.participantEvents() + id.ucj.contract.Topics.DEAD_LETTER_SUFFIX, partitionCounts(group),
				topics.coverageChanges());
		return (factory) -> {
			factory.setInfrastructureCustomizer(new KafkaStreamsInfrastructureCustomizer() {

				@Override
				public void configureTopology(Topology topology) {
					CountingTopology.addTo(topology, names, rule, view, json, metrics, counting.flushInterval());
				}

			});
			// A thread that dies is replaced: its tasks restart from their committed
			// state, so nothing is lost or
			// counted twice, and counting does not stop for good on one failure.
			// The recount starts the job itself, once it is reset.
			factory.setAutoStartup(!recounting);
			factory.setStreamsUncaughtExceptionHandler((failure) -> StreamThreadExceptionResponse.REPLACE_THREAD);
		};
	}

	@Bean
	NewTopic partitionCountsTopic(TopicSettings topics, @Value("${spring.kafka.consumer.group-id}") String group) {
		return TopicBuilder.name(partitionCounts(group))
			.partitions(topics.partitions())
			.replicas(topics.replicas())
			.build();
	}

	@Bean
	Settled settled() {
		return new Settled();
	}

	@Bean
	CountingMetrics countingMetrics(MeterRegistry meters, TopicSettings topics, Settled settled) {
		Counter deadLetters = Counter.builder("ucj.kafka.dead.letters")
			.description("Records sent to a dead-letter topic")
			.tag("topic", topics.participantEvents() + id.ucj.contract.Topics.DEAD_LETTER_SUFFIX)
			.register(meters);
		DistributionSummary batchSize = DistributionSummary.builder("ucj.aggregator.batch.size")
			.description("Participant events a counting task counted between two flushes")
			.publishPercentileHistogram()
			.register(meters);
		Timer batchTime = Timer.builder("ucj.aggregator.batch")
			.description("Time of a regency step's flush: the live view written and the snapshots forwarded")
			.publishPercentileHistogram()
			.register(meters);
		Counter viewFailures = Counter.builder("ucj.aggregator.view.failures")
			.description("Flushes of the regency step whose live view write failed (retried at the next flush)")
			.register(meters);
		Map<Membership.Outcome, Counter> outcomes = new EnumMap<>(Membership.Outcome.class);
		for (Membership.Outcome outcome : Membership.Outcome.values()) {
			outcomes.put(outcome,
					Counter.builder("ucj.aggregator.events")
						.description("Participant events processed, by outcome")
						.tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
						.register(meters));
		}
		return new CountingMetrics() {

			@Override
			public void counted(Membership.Outcome outcome) {
				outcomes.get(outcome).increment();
			}

			@Override
			public void deadLettered() {
				deadLetters.increment();
			}

			@Override
			public void forwarded(int events, int regencies) {
				if (events > 0) {
					batchSize.record(events);
				}
			}

			@Override
			public void written(int regencies, Duration took) {
				batchTime.record(took);
			}

			@Override
			public void viewFailed(int regencies) {
				viewFailures.increment();
			}

			@Override
			public void settled(Step step, int partition) {
				settled.record(step, partition);
			}

		};
	}

}
