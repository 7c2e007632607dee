package id.ucj.aggregator.coverage;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.annotation.KafkaStreamsDefaultConfiguration;
import org.springframework.kafka.config.KafkaStreamsConfiguration;
import org.springframework.kafka.config.KafkaStreamsInfrastructureCustomizer;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.kafka.config.TopicBuilder;

import id.ucj.aggregator.counting.Membership;
import id.ucj.aggregator.topology.CountingMetrics;
import id.ucj.aggregator.topology.CountingSettings;
import id.ucj.aggregator.topology.CountingTopology;
import id.ucj.aggregator.topology.LiveView;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Kafka Streams job, through Spring Kafka's {@code StreamsBuilderFactoryBean}, when
 * {@code ucj.counting.engine=streams}: exactly_once_v2, the stores under
 * {@code ucj.counting.state-dir}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ucj.counting.engine", havingValue = "streams")
@EnableKafkaStreams
class StreamsConfiguration {

	@Bean(KafkaStreamsDefaultConfiguration.DEFAULT_STREAMS_CONFIG_BEAN_NAME)
	KafkaStreamsConfiguration streamsConfiguration(KafkaProperties kafka, TopicSettings topics,
			CountingSettings counting, @Value("${spring.kafka.consumer.group-id}") String group) {
		Map<String, Object> config = new HashMap<>();
		config.put(StreamsConfig.APPLICATION_ID_CONFIG, group + "-streams");
		config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", kafka.getBootstrapServers()));
		config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
		config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) topics.replicas());
		config.put(StreamsConfig.STATE_DIR_CONFIG, counting.stateDir().toString());
		config.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
		return new KafkaStreamsConfiguration(config);
	}

	@Bean
	StreamsBuilderFactoryBeanConfigurer countingTopology(TopicSettings topics, CountingSettings counting, LiveView view,
			JsonMapper json, CountingMetrics metrics, LapseRules rule) {
		CountingTopology.Topics names = new CountingTopology.Topics(topics.participantEvents(),
				topics.participantEvents() + id.ucj.contract.Topics.DEAD_LETTER_SUFFIX, counting.partitionCounts(),
				topics.coverageChanges());
		return (factory) -> {
			factory.setInfrastructureCustomizer(new KafkaStreamsInfrastructureCustomizer() {

				@Override
				public void configureTopology(Topology topology) {
					CountingTopology.addTo(topology, names, rule.rule(), view, json, metrics, counting.flushInterval());
				}

			});
			// A thread that dies is replaced: its tasks restart from their committed
			// state, so nothing is lost or
			// counted twice, and counting does not stop for good on one failure.
			factory.setStreamsUncaughtExceptionHandler((failure) -> StreamThreadExceptionResponse.REPLACE_THREAD);
		};
	}

	@Bean
	NewTopic partitionCountsTopic(TopicSettings topics, CountingSettings counting) {
		return TopicBuilder.name(counting.partitionCounts())
			.partitions(topics.partitions())
			.replicas(topics.replicas())
			.build();
	}

	@Bean
	CountingMetrics countingMetrics(MeterRegistry meters, TopicSettings topics) {
		Counter deadLetters = Counter.builder("ucj.kafka.dead.letters")
			.description("Records sent to a dead-letter topic")
			.tag("topic", topics.participantEvents() + id.ucj.contract.Topics.DEAD_LETTER_SUFFIX)
			.register(meters);
		return new CountingMetrics() {

			@Override
			public void counted(Membership.Outcome outcome) {
				Counter.builder("ucj.aggregator.events")
					.description("Participant events processed, by outcome")
					.tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
					.register(meters)
					.increment();
			}

			@Override
			public void deadLettered() {
				deadLetters.increment();
			}

			@Override
			public void forwarded(int regencies) {
				// the regencies forwarded show as the regency step's input rate in Kafka
				// Streams' own metrics
			}

		};
	}

}
