package id.ucj.notification.crossing;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DefaultErrorHandler;

import id.ucj.support.KafkaFailurePolicy;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The Kafka failure policy ({@link KafkaFailurePolicy}) and the dead-letter topic this
 * service owns.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

	@Bean
	DefaultErrorHandler errorHandler(KafkaOperations<String, byte[]> kafka, TopicSettings topics,
			MeterRegistry meters) {
		return KafkaFailurePolicy.deadLetterOrRetry(kafka, topics.deadLetters(), meters, InvalidSnapshot.class);
	}

	@Bean
	NewTopic coverageChangesDeadLetters(TopicSettings topics) {
		return KafkaFailurePolicy.deadLetterTopic(topics.deadLetters(), topics.replicas(),
				topics.deadLetterRetention());
	}

}
