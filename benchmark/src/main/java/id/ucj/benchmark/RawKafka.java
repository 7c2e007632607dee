package id.ucj.benchmark;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Kafka itself on this machine: a plain idempotent producer ({@code acks=all}) and a
 * plain consumer, records of the size of the pipeline's events. The ceiling every other
 * figure is compared with.
 */
final class RawKafka {

	private RawKafka() {
	}

	static Properties producer(String bootstrapServers) {
		Properties config = new Properties();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
		config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
		// Broker, store and aggregator share this machine's two cores: wait rather than
		// expire a batch.
		config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 600_000);
		config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 120_000);
		return config;
	}

	/**
	 * How the workload is put on the topics: {@code acks=all}, one request in flight per
	 * connection (order kept without the idempotent producer's sequence numbers, which
	 * the single in-process broker, sharing two cores with the store and the aggregator,
	 * at times refused as out of order and never accepted again).
	 */
	static Properties workloadProducer(String bootstrapServers) {
		Properties config = producer(bootstrapServers);
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
		config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
		return config;
	}

	/**
	 * Creates the topic and waits until every partition has a leader, so that the first
	 * sends are not refused.
	 */
	static void createTopic(String bootstrapServers, String topic, int partitions) throws Exception {
		try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
			admin.createTopics(Set.of(new NewTopic(topic, partitions, (short) 1))).all().get();
			while (!hasLeaders(admin, topic)) {
				Thread.sleep(20);
			}
		}
	}

	/**
	 * Whether every partition of the topic has a leader; a topic just created may not be
	 * known to metadata yet.
	 */
	private static boolean hasLeaders(Admin admin, String topic) throws InterruptedException {
		try {
			return admin.describeTopics(Set.of(topic))
				.allTopicNames()
				.get()
				.get(topic)
				.partitions()
				.stream()
				.allMatch((partition) -> partition.leader() != null);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof UnknownTopicOrPartitionException) {
				return false;
			}
			throw new IllegalStateException("Cannot describe topic " + topic, ex.getCause());
		}
	}

	/**
	 * Produces {@code count} records of {@code size} bytes, then consumes them all;
	 * records/s of each.
	 */
	static double[] measure(String bootstrapServers, String topic, int count, int size) throws Exception {
		createTopic(bootstrapServers, topic, 6);
		byte[] value = new byte[size];
		long start = System.nanoTime();
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producer(bootstrapServers))) {
			for (int i = 0; i < count; i++) {
				producer.send(new ProducerRecord<>(topic, "participant-" + i, value));
			}
			producer.flush();
		}
		double produced = count / seconds(start);

		Properties config = new Properties();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		config.put(ConsumerConfig.GROUP_ID_CONFIG, "raw-" + topic);
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Benchmark.AGGREGATOR_BATCH);
		config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		long read = 0;
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
			consumer.subscribe(Set.of(topic));
			// Timed from the first records on, so that joining the group is not counted
			// as reading.
			while (read == 0) {
				read = consumer.poll(Duration.ofMillis(200)).count();
			}
			start = System.nanoTime();
			while (read < count) {
				read += consumer.poll(Duration.ofMillis(200)).count();
			}
			consumer.commitSync();
		}
		return new double[] { produced, count / seconds(start) };
	}

	static double seconds(long startNanos) {
		return (System.nanoTime() - startNanos) / 1e9;
	}

}
