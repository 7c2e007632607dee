package id.ucj.testsupport;

import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real Apache Kafka broker in KRaft mode, in this JVM, on a free loopback port. One is
 * shared by every test of the JVM; tests that stop their broker ask for a
 * {@link #dedicated() dedicated} one.
 */
public final class KafkaTestBroker {

	private static final int PARTITIONS = 3;

	private static EmbeddedKafkaBroker shared;

	private KafkaTestBroker() {
	}

	public static synchronized String bootstrapServers() {
		if (shared == null) {
			shared = dedicated();
			ShutdownOrder.infrastructure(shared::destroy);
		}
		return shared.getBrokersAsString();
	}

	/**
	 * One node takes transactions (the Kafka Streams job runs exactly_once_v2) only when
	 * its transaction log asks for no more replicas than there are nodes.
	 */
	private static void singleNode(EmbeddedKafkaKraftBroker broker) {
		broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
		broker.brokerProperty("transaction.state.log.replication.factor", "1");
		broker.brokerProperty("transaction.state.log.min.isr", "1");
	}

	/** A new broker of the caller's own, on a free port; the caller destroys it. */
	public static EmbeddedKafkaBroker dedicated() {
		EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, PARTITIONS);
		singleNode(broker);
		broker.afterPropertiesSet();
		return broker;
	}

	/**
	 * A new broker that clients reach only through the given proxy, so that a test can
	 * take it off the network and bring it back with its data ({@link TcpProxy#cut()},
	 * {@link TcpProxy#restore()}).
	 */
	public static EmbeddedKafkaBroker behind(TcpProxy proxy) {
		EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, PARTITIONS);
		broker.brokerProperty("advertised.listeners", "EXTERNAL://127.0.0.1:" + proxy.port());
		singleNode(broker);
		broker.afterPropertiesSet();
		String[] hostAndPort = broker.getBrokersAsString().split(",")[0].split(":");
		proxy.forwardTo(hostAndPort[0], Integer.parseInt(hostAndPort[1]));
		return broker;
	}

}
