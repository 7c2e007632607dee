package id.ucj.aggregator.topology;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

import id.ucj.support.KafkaFailurePolicy;

/**
 * The topics this service owns (the Kafka Streams job's own are in
 * {@link StreamsConfiguration}); the dead-letter topic as every service makes it
 * ({@link KafkaFailurePolicy}).
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

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
