package id.ucj.notification.crossing;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.DefaultErrorHandler;

import id.ucj.support.KafkaFailurePolicy;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The Kafka failure policy ({@link KafkaFailurePolicy}), offsets committed past
 * transaction markers, and the dead-letter topic this service owns.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

	@Bean
	DefaultErrorHandler errorHandler(KafkaOperations<String, byte[]> kafka, TopicSettings topics,
			MeterRegistry meters) {
		return KafkaFailurePolicy.deadLetterOrRetry(kafka, topics.deadLetters(), meters, InvalidSnapshot.class);
	}

	/**
	 * Snapshots come in the aggregator's transactions, each followed by its commit
	 * marker: the offset committed is the position past the marker, so that the lag reads
	 * 0 once everything is read, rather than 1 for ever.
	 */
	@Bean
	ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> pastCommitMarkers() {
		return (container) -> container.getContainerProperties().setFixTxOffsets(true);
	}

	@Bean
	NewTopic coverageChangesDeadLetters(TopicSettings topics) {
		return KafkaFailurePolicy.deadLetterTopic(topics.deadLetters(), topics.replicas(),
				topics.deadLetterRetention());
	}

}
