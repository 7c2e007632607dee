package id.ucj.aggregator.topology;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.kafka.core.KafkaAdmin;

import id.ucj.support.ExistingTopicsKept;
import id.ucj.testsupport.KafkaTestBroker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a real broker: a service never raises the partitions of a topic that exists (a
 * participant's events would leave the partition its state is in), and still creates the
 * topics that do not.
 */
class ExistingTopicsKeptTest {

	private static final Map<String, Object> BROKER = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
			KafkaTestBroker.bootstrapServers());

	@Test
	void keepsThePartitionsOfATopicThatExistsAndCreatesTheOthers() throws Exception {
		String existing = "kept-" + ProcessHandle.current().pid();
		String created = "created-" + ProcessHandle.current().pid();
		try (Admin admin = Admin.create(BROKER)) {
			admin.createTopics(List.of(new NewTopic(existing, 2, (short) 1))).all().get();

			KafkaAdmin kafkaAdmin = new KafkaAdmin(BROKER);
			new ExistingTopicsKept().postProcessBeforeInitialization(kafkaAdmin, "kafkaAdmin");
			initialize(kafkaAdmin, new NewTopic(existing, 24, (short) 1), new NewTopic(created, 3, (short) 1));

			assertThat(partitions(admin, existing)).isEqualTo(2);
			assertThat(partitions(admin, created)).isEqualTo(3);
		}
	}

	@Test
	void withoutItSpringKafkaWouldRaiseThem() throws Exception {
		String topic = "raised-" + ProcessHandle.current().pid();
		try (Admin admin = Admin.create(BROKER)) {
			admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();

			initialize(new KafkaAdmin(BROKER), new NewTopic(topic, 4, (short) 1));

			assertThat(partitions(admin, topic)).isEqualTo(4);
		}
	}

	/** Starts the admin as a service's context does: with its declared topics. */
	private static void initialize(KafkaAdmin admin, NewTopic... topics) {
		try (GenericApplicationContext declared = new GenericApplicationContext()) {
			for (NewTopic topic : topics) {
				declared.registerBean(topic.name(), NewTopic.class, () -> topic);
			}
			declared.refresh();
			admin.setApplicationContext(declared);
			admin.initialize();
		}
	}

	private static int partitions(Admin admin, String topic) throws Exception {
		return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
	}

}
