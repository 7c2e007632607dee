package id.ucj.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeout;

/**
 * Reads exactly what lies between two marks and returns as soon as it has it,
 * transactions on the topic or not. The broker is one of the test's own, so that it can
 * take transactions on a single node.
 */
class TopicReaderTest {

	static EmbeddedKafkaBroker broker;

	String topic;

	TopicReader reader;

	KafkaProducer<String, String> producer;

	@BeforeAll
	static void startBroker() {
		EmbeddedKafkaKraftBroker kraft = new EmbeddedKafkaKraftBroker(1, 3);
		kraft.brokerProperty("transaction.state.log.replication.factor", "1");
		kraft.brokerProperty("transaction.state.log.min.isr", "1");
		kraft.afterPropertiesSet();
		broker = kraft;
	}

	@AfterAll
	static void stopBroker() {
		broker.destroy();
	}

	@BeforeEach
	void createTopic() {
		this.topic = "topic-reader-" + UUID.randomUUID();
		broker.addTopics(this.topic);
		this.reader = new TopicReader(broker.getBrokersAsString(), this.topic);
		this.producer = producer(null);
	}

	@AfterEach
	void close() {
		this.producer.close();
		this.reader.close();
	}

	@Test
	void readsWhatWasAppendedSinceTheMarkUpToTheEndOfTheTopicNow() {
		send(this.producer, "before-1", "before-2");
		Map<TopicPartition, Long> mark = this.reader.mark();
		send(this.producer, "a", "b", "c", "d", "e", "f");

		assertThat(values(this.reader.readToEnd(mark))).containsExactlyInAnyOrder("a", "b", "c", "d", "e", "f");
	}

	@Test
	void leavesOutWhatWasAppendedAfterTheEndItReadsTo() {
		Map<TopicPartition, Long> mark = this.reader.mark();
		send(this.producer, "a", "b", "c");
		Map<TopicPartition, Long> until = this.reader.mark();
		send(this.producer, "later-1", "later-2", "later-3");

		assertThat(values(this.reader.readUntil(mark, until))).containsExactlyInAnyOrder("a", "b", "c");
	}

	@Test
	void returnsAtOnceWhenNothingWasAppended() {
		Map<TopicPartition, Long> mark = this.reader.mark();

		List<ConsumerRecord<byte[], byte[]>> records = assertTimeout(TopicReader.SAFETY_TIMEOUT.dividedBy(3),
				() -> this.reader.readToEnd(mark));

		assertThat(records).isEmpty();
	}

	@Test
	void readsPastTransactionMarkersAndAbortedRecordsThatTakeOffsetsButAreNoRecords() {
		Map<TopicPartition, Long> mark = this.reader.mark();
		try (KafkaProducer<String, String> transactional = producer("topic-reader-test-" + UUID.randomUUID())) {
			transactional.initTransactions();
			transactional.beginTransaction();
			sendToOnePartition(transactional, "a", "b");
			transactional.commitTransaction();
			transactional.beginTransaction();
			sendToOnePartition(transactional, "aborted");
			transactional.abortTransaction();
			transactional.beginTransaction();
			sendToOnePartition(transactional, "c");
			transactional.commitTransaction();
		}

		// The coordinator writes a transaction's markers after the commit returns.
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(
					() -> assertThat(this.reader.countSince(mark)).as("three records, one aborted, three markers")
						.isEqualTo(7));
		assertThat(values(this.reader.readToEnd(mark))).containsExactly("a", "b", "c");
	}

	@Test
	void failsWhenTheTopicNeverReachesTheEndItIsToldToReadTo() {
		Map<TopicPartition, Long> mark = this.reader.mark();
		send(this.producer, "a");
		Map<TopicPartition, Long> beyond = new HashMap<>(this.reader.mark());
		beyond.replaceAll((partition, end) -> end + 1);

		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> this.reader.readUntil(mark, beyond, Duration.ofMillis(500)))
			.withMessageContaining(this.topic);
	}

	/**
	 * Keyed by their values, so spread over the partitions; on the topic when this
	 * returns.
	 */
	private void send(KafkaProducer<String, String> producer, String... values) {
		for (String value : values) {
			producer.send(new ProducerRecord<>(this.topic, value, value));
		}
		producer.flush();
	}

	/**
	 * All to the first partition, so that the offsets they and their transactions'
	 * markers take are known.
	 */
	private void sendToOnePartition(KafkaProducer<String, String> producer, String... values) {
		for (String value : values) {
			producer.send(new ProducerRecord<>(this.topic, 0, value, value));
		}
		producer.flush();
	}

	private static KafkaProducer<String, String> producer(String transactionalId) {
		Properties config = new Properties();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
		config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		if (transactionalId != null) {
			config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
		}
		return new KafkaProducer<>(config);
	}

	private static List<String> values(List<ConsumerRecord<byte[], byte[]>> records) {
		return records.stream().map((record) -> new String(record.value(), StandardCharsets.UTF_8)).toList();
	}

}
