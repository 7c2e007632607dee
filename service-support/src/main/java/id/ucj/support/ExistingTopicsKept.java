package id.ucj.support;

import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * A service creates the topics it declares and never changes one that exists. Spring
 * Kafka's {@link KafkaAdmin} raises a topic's partitions to the declared count; on a
 * topic keyed by participant that would send a participant's next events to another
 * partition than its state, and count them twice. Growing a topic is a planned operation
 * (docs/operations.md, Sizing), never a side effect of a setting.
 */
public class ExistingTopicsKept implements BeanPostProcessor {

	private static final Logger logger = LoggerFactory.getLogger(ExistingTopicsKept.class);

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof KafkaAdmin admin) {
			admin.setCreateOrModifyTopic(onlyNew(admin));
		}
		return bean;
	}

	/** True for the topics that do not exist yet, asked of the cluster once. */
	static Predicate<NewTopic> onlyNew(KafkaAdmin admin) {
		return new Predicate<>() {

			private Set<String> existing;

			@Override
			public synchronized boolean test(NewTopic topic) {
				if (this.existing == null) {
					this.existing = existingTopics(admin);
				}
				if (this.existing.contains(topic.name())) {
					logger.debug("Topic {} exists: kept as it is", topic.name());
					return false;
				}
				return true;
			}

		};
	}

	private static Set<String> existingTopics(KafkaAdmin kafkaAdmin) {
		try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
			return admin.listTopics().names().get(kafkaAdmin.getOperationTimeout(), TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new KafkaException("Interrupted while listing topics", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new KafkaException("Could not list the cluster's topics", ex);
		}
	}

}
