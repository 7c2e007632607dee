package id.ucj.enrollment.publishing;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

@Configuration(proxyBeanMethods = false)
class TopicConfiguration {

	@Bean
	NewTopic participantEventsTopic(TopicSettings topics) {
		return TopicBuilder.name(topics.participantEvents())
			.partitions(topics.partitions())
			.replicas(topics.replicas())
			.build();
	}

}
