package id.ucj.aggregator.coverage;

import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import id.ucj.aggregator.AggregatorApplication;
import id.ucj.testsupport.KafkaTestBroker;
import id.ucj.testsupport.TcpProxy;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real listener, broker and MongoDB wire protocol, with faults: the consumer dies
 * between its membership and counter writes, MongoDB goes away for a while, and a second
 * instance joins and leaves the consumer group while events flow. After each, every
 * regency's count equals the expected count exactly.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class FaultToleranceTest {

	static final String TOPIC = "participant-events-faults";

	static final MongoServer mongo = new MongoServer(new MemoryBackend());

	static final TcpProxy mongoProxy = TcpProxy.listen();

	static {
		mongo.bind("127.0.0.1", 0);
		mongoProxy.forwardTo("127.0.0.1", mongo.getLocalAddress().getPort());
	}

	/**
	 * Fails the first few batches between their two writes, as a consumer killed there
	 * would.
	 */
	static final AtomicInteger crashesLeft = new AtomicInteger(3);

	@LocalServerPort
	int port;

	@Autowired
	TopicSettings topics;

	@Autowired
	MeterRegistry meters;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		registry.add("spring.kafka.bootstrap-servers", KafkaTestBroker::bootstrapServers);
		registry.add("spring.mongodb.uri", FaultToleranceTest::mongoUri);
		registry.add("ucj.topics.participant-events", () -> TOPIC);
		registry.add("ucj.topics.coverage-changes", () -> "coverage-changes-faults");
		registry.add("spring.kafka.consumer.group-id", () -> "aggregator-faults");
		registry.add("spring.kafka.consumer.max-poll-records", () -> "100");
	}

	static String mongoUri() {
		return "mongodb://127.0.0.1:" + mongoProxy.port()
				+ "/faults?serverSelectionTimeoutMS=2000&connectTimeoutMS=1000";
	}

	@AfterAll
	static void stop() {
		mongoProxy.close();
		mongo.shutdownNow();
	}

	@TestConfiguration
	static class Faults {

		@Bean
		@Primary
		CrashPoint killBetweenWrites() {
			return (participantIds) -> {
				if (crashesLeft.getAndUpdate((left) -> Math.max(0, left - 1)) > 0) {
					throw new IllegalStateException("Consumer killed between its membership and counter writes");
				}
			};
		}

	}

	/** The test clock's month in Sumatra (WIB), where the random log's regencies are. */
	static final List<YearMonth> NOW = List.of(YearMonth.of(2024, 10));

	@Test
	void countsExactlyThroughCrashesAMongoOutageAndAConsumerGroupRebalance() {
		EventLog log = EventLog.random(new Random(99), 6, 400, 6000);
		List<CountedEvent> events = log.events();
		CoverageClient api = new CoverageClient(this.port);
		ConfigurableApplicationContext second = null;
		try (EventProducer producer = new EventProducer(KafkaTestBroker.bootstrapServers(), TOPIC)) {
			sendRange(producer, events, 0, 1500);
			await().atMost(Duration.ofSeconds(60)).until(() -> crashesLeft.get() == 0);
			await().atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(api.coverage(EventLog.REGENCIES))
					.isEqualTo(log.prefix(1500).expectedCoverage(NOW)));

			long failedBefore = failedBatches();
			mongoProxy.cut();
			sendRange(producer, events, 1500, 3000);
			await("the listener failing on the unreachable MongoDB").atMost(Duration.ofSeconds(60))
				.until(() -> failedBatches() > failedBefore);
			mongoProxy.restore();

			second = new SpringApplicationBuilder(AggregatorApplication.class).run("--server.port=0",
					"--spring.kafka.bootstrap-servers=" + KafkaTestBroker.bootstrapServers(),
					"--spring.mongodb.uri=" + mongoUri(), "--ucj.topics.participant-events=" + TOPIC,
					"--ucj.topics.coverage-changes=coverage-changes-faults",
					"--spring.kafka.consumer.group-id=aggregator-faults",
					"--spring.kafka.consumer.max-poll-records=100");
			KafkaListenerEndpointRegistry secondListeners = second.getBean(KafkaListenerEndpointRegistry.class);
			await().atMost(Duration.ofSeconds(60))
				.until(() -> !secondListeners.getListenerContainer("coverage-aggregator")
					.getAssignedPartitions()
					.isEmpty());
			sendRange(producer, events, 3000, 4500);
			await().atMost(Duration.ofSeconds(120))
				.untilAsserted(() -> assertThat(api.coverage(EventLog.REGENCIES))
					.isEqualTo(log.prefix(4500).expectedCoverage(NOW)));
			second.close();
			second = null;
			sendRange(producer, events, 4500, events.size());
		}
		finally {
			if (second != null) {
				second.close();
			}
		}

		await().atMost(Duration.ofSeconds(120))
			.untilAsserted(() -> assertThat(api.coverage(EventLog.REGENCIES)).isEqualTo(log.expectedCoverage(NOW)));
	}

	/** Batches the listener gave up on (the error handler retries them). */
	private long failedBatches() {
		return this.meters.find("spring.kafka.listener")
			.tag("result", "failure")
			.timers()
			.stream()
			.mapToLong(Timer::count)
			.sum();
	}

	private static void sendRange(EventProducer producer, List<CountedEvent> events, int from, int to) {
		events.subList(from, to).forEach((event) -> producer.send(event.event()));
		producer.flush();
	}

}
