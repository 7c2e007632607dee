package id.ucj.notification.crossing;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

import id.ucj.contract.Topics;

/**
 * The Kafka failure policy, declared once: a record that is not a snapshot goes to the dead-letter topic; any
 * other failure (MongoDB unreachable) retries with back-off, without end and without committing.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

	@Bean
	DefaultErrorHandler errorHandler(KafkaOperations<String, byte[]> kafka,
			@Value("${ucj.topics.coverage-changes}") String coverageChanges) {
		DeadLetterPublishingRecoverer toDeadLetters = new DeadLetterPublishingRecoverer(kafka,
				(record, failure) -> new TopicPartition(coverageChanges + Topics.DEAD_LETTER_SUFFIX, -1));
		ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
		backOff.setMaxInterval(10_000);
		DefaultErrorHandler handler = new DefaultErrorHandler(toDeadLetters, backOff);
		handler.addNotRetryableExceptions(InvalidSnapshot.class);
		return handler;
	}

	@Bean
	NewTopic coverageChangesDeadLetters(@Value("${ucj.topics.coverage-changes}") String coverageChanges) {
		return TopicBuilder.name(coverageChanges + Topics.DEAD_LETTER_SUFFIX).partitions(1).build();
	}

}
