package id.ucj.testsupport;

import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real Apache Kafka broker in KRaft mode, in this JVM, on a free loopback port. One is shared by every test
 * of the JVM; tests that stop their broker ask for a {@link #dedicated() dedicated} one.
 */
public final class KafkaTestBroker {

	private static final int PARTITIONS = 3;

	private static EmbeddedKafkaBroker shared;

	private KafkaTestBroker() {
	}

	public static synchronized String bootstrapServers() {
		if (shared == null) {
			shared = dedicated();
			Runtime.getRuntime().addShutdownHook(new Thread(shared::destroy, "kafka-test-broker-shutdown"));
		}
		return shared.getBrokersAsString();
	}

	/** A new broker of the caller's own; the caller destroys it. Ports: free ones unless given. */
	public static EmbeddedKafkaBroker dedicated(int... ports) {
		EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, PARTITIONS);
		if (ports.length > 0) {
			broker.kafkaPorts(ports);
		}
		broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
		broker.afterPropertiesSet();
		return broker;
	}

}
