package id.ucj.aggregator.coverage;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The Kafka failure policy, declared once: a record that is not a valid event goes straight to the dead-letter
 * topic (with the reason in its headers) and the records behind it keep flowing; any other failure (MongoDB
 * unreachable, a concurrent writer) retries the batch with back-off, without end and without committing, so that
 * nothing is lost or skipped.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

	@Bean
	DefaultErrorHandler errorHandler(KafkaOperations<String, byte[]> kafka, TopicSettings topics, MeterRegistry meters) {
		Counter deadLetters = Counter.builder("ucj.aggregator.dead.letters")
			.description("Records sent to the dead-letter topic")
			.register(meters);
		DeadLetterPublishingRecoverer toDeadLetters = new DeadLetterPublishingRecoverer(kafka,
				(record, failure) -> new TopicPartition(topics.deadLetters(), -1));
		ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
		backOff.setMaxInterval(10_000);
		DefaultErrorHandler handler = new DefaultErrorHandler((record, failure) -> {
			toDeadLetters.accept(record, failure);
			deadLetters.increment();
		}, backOff);
		handler.addNotRetryableExceptions(InvalidEvent.class);
		return handler;
	}

	@Bean
	NewTopic participantEventsTopic(TopicSettings topics) {
		return TopicBuilder.name(topics.participantEvents()).partitions(topics.partitions()).replicas(topics.replicas()).build();
	}

	@Bean
	NewTopic deadLettersTopic(TopicSettings topics) {
		return TopicBuilder.name(topics.deadLetters()).partitions(1).replicas(topics.replicas()).build();
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
