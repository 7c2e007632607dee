package id.ucj.notification.crossing;

import java.time.Duration;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DefaultErrorHandler;

import id.ucj.contract.Topics;
import id.ucj.support.KafkaFailurePolicy;
import io.micrometer.core.instrument.MeterRegistry;

/** The Kafka failure policy ({@link KafkaFailurePolicy}) and the dead-letter topic this service owns. */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

	@Bean
	DefaultErrorHandler errorHandler(KafkaOperations<String, byte[]> kafka,
			@Value("${ucj.topics.coverage-changes}") String coverageChanges, MeterRegistry meters) {
		return KafkaFailurePolicy.deadLetterOrRetry(kafka, coverageChanges + Topics.DEAD_LETTER_SUFFIX, meters,
				InvalidSnapshot.class);
	}

	@Bean
	NewTopic coverageChangesDeadLetters(@Value("${ucj.topics.coverage-changes}") String coverageChanges,
			@Value("${ucj.topics.dead-letter-retention:14d}") Duration retention) {
		return KafkaFailurePolicy.deadLetterTopic(coverageChanges + Topics.DEAD_LETTER_SUFFIX, 1, retention);
	}

}
