package id.ucj.aggregator.coverage;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DefaultErrorHandler;

import id.ucj.aggregator.topology.InvalidEvent;
import id.ucj.support.KafkaFailurePolicy;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The Kafka failure policy ({@link KafkaFailurePolicy}) and the topics this service owns.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

	@Bean
	DefaultErrorHandler errorHandler(KafkaOperations<String, byte[]> kafka, TopicSettings topics,
			MeterRegistry meters) {
		return KafkaFailurePolicy.deadLetterOrRetry(kafka, topics.deadLetters(), meters, InvalidEvent.class);
	}

	@Bean
	NewTopic participantEventsTopic(TopicSettings topics) {
		return TopicBuilder.name(topics.participantEvents())
			.partitions(topics.partitions())
			.replicas(topics.replicas())
			.build();
	}

	@Bean
	NewTopic deadLettersTopic(TopicSettings topics) {
		return KafkaFailurePolicy.deadLetterTopic(topics.deadLetters(), topics.replicas(),
				topics.deadLetterRetention());
	}

	@Bean
	NewTopic coverageChangesTopic(TopicSettings topics) {
		return TopicBuilder.name(topics.coverageChanges())
			.partitions(topics.partitions())
			.replicas(topics.replicas())
			.compact()
			.build();
	}

}
