package id.ucj.deploy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.BiConsumer;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Every record of every topic (internal ones aside), as a consumer reads it: key, headers
 * and value.
 */
final class KafkaTopics {

	private KafkaTopics() {
	}

	static void readAll(String bootstrapServers, BiConsumer<String, byte[]> reader) throws Exception {
		Properties admin = new Properties();
		admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		Set<String> topics;
		try (Admin client = Admin.create(admin)) {
			topics = client.listTopics().names().get();
		}
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
		properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(),
				new ByteArrayDeserializer())) {
			for (String topic : topics) {
				List<TopicPartition> partitions = consumer.partitionsFor(topic)
					.stream()
					.map((info) -> new TopicPartition(topic, info.partition()))
					.toList();
				consumer.assign(partitions);
				consumer.seekToBeginning(partitions);
				Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
				while (partitions.stream().anyMatch((partition) -> consumer.position(partition) < end.get(partition))) {
					for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
						String where = "topic " + topic + "@" + record.partition() + ":" + record.offset();
						if (record.key() != null) {
							reader.accept(where + " key", record.key());
						}
						for (Header header : record.headers()) {
							reader.accept(where + " header " + header.key(),
									(header.value() != null) ? header.value() : new byte[0]);
						}
						if (record.value() != null) {
							reader.accept(where, record.value());
						}
					}
				}
			}
		}
	}

}
