package id.ucj.support;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.support.LoggingProducerListener;
import org.springframework.kafka.support.ProducerListener;

/**
 * A failed send is logged without the record's key and value: keys are pseudonymous
 * participant ids, which are personal data (Spring Kafka's default listener logs both).
 * Topics that exist are never changed ({@link ExistingTopicsKept}).
 */
@AutoConfiguration(beforeName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@ConditionalOnClass(ProducerListener.class)
public class KafkaLoggingAutoConfiguration {

	@Bean
	ProducerListener<Object, Object> kafkaProducerListener() {
		LoggingProducerListener<Object, Object> listener = new LoggingProducerListener<>();
		listener.setIncludeContents(false);
		return listener;
	}

	@Bean
	static ExistingTopicsKept existingTopicsKept() {
		return new ExistingTopicsKept();
	}

}
