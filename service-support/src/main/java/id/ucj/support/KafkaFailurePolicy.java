package id.ucj.support;

import java.time.Duration;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The services' Kafka failure policy: a record that can never be processed (one of the
 * {@code poison} exceptions) goes straight to the dead-letter topic, the reason in its
 * {@code kafka_dlt-exception-*} headers, and the records behind it keep flowing; any
 * other failure (MongoDB unreachable, a concurrent writer) retries with exponential
 * back-off from 0.2 s to 10 s, without end and without committing, so that nothing is
 * lost or skipped. Every dead letter counts in
 * {@code ucj_kafka_dead_letters_total{topic}}, which operators alert on. Dead letters
 * hold pseudonymous ids (personal data under UU 27/2022), so their topics expire them
 * ({@code retention.ms}).
 */
public final class KafkaFailurePolicy {

	private KafkaFailurePolicy() {
	}

	@SafeVarargs
	public static DefaultErrorHandler deadLetterOrRetry(KafkaOperations<?, ?> kafka, String deadLetterTopic,
			MeterRegistry meters, Class<? extends Exception>... poison) {
		Counter deadLetters = Counter.builder("ucj.kafka.dead.letters")
			.description("Records sent to a dead-letter topic")
			.tag("topic", deadLetterTopic)
			.register(meters);
		DeadLetterPublishingRecoverer toDeadLetters = new DeadLetterPublishingRecoverer(kafka,
				(record, failure) -> new TopicPartition(deadLetterTopic, -1));
		ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
		backOff.setMaxInterval(10_000);
		DefaultErrorHandler handler = new DefaultErrorHandler((record, failure) -> {
			toDeadLetters.accept(record, failure);
			deadLetters.increment();
		}, backOff);
		handler.addNotRetryableExceptions(poison);
		return handler;
	}

	/**
	 * A dead-letter topic: one partition, and a finite retention (default 14 days,
	 * {@code ucj.topics.dead-letter-retention}).
	 */
	public static NewTopic deadLetterTopic(String name, int replicas, Duration retention) {
		return TopicBuilder.name(name)
			.partitions(1)
			.replicas(replicas)
			.config(TopicConfig.RETENTION_MS_CONFIG, Long.toString(retention.toMillis()))
			.build();
	}

}
