package id.ucj.aggregator.topology;

import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import id.ucj.testsupport.IntegrationTest;
import id.ucj.testsupport.KafkaTestBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Kafka Streams engine in the service, on a real broker (exactly_once_v2) and a real
 * MongoDB wire protocol, read back over the coverage API and compared with the
 * independent model.
 */
@IntegrationTest
class StreamsEngineTest {

	/** The test clock's month in Sumatra (WIB), where the random log's regencies are. */
	static final List<YearMonth> NOW = List.of(YearMonth.of(2024, 10));

	@LocalServerPort
	int port;

	@Autowired
	TopicSettings topics;

	EventProducer producer;

	CoverageClient api;

	@BeforeEach
	void connect() {
		this.producer = new EventProducer(KafkaTestBroker.bootstrapServers(), this.topics.participantEvents());
		this.api = new CoverageClient(this.port);
	}

	@AfterEach
	void close() {
		this.producer.close();
	}

	@Test
	void countsRandomRegistrationsDuplicatesMovesDeregistrationsAndLateUploadsExactly() {
		EventLog log = EventLog.random(new Random(42), 6, 300, 3000);
		log.events().forEach((event) -> this.producer.send(event.event()));
		this.producer.flush();

		await().atMost(Duration.ofSeconds(90))
			.untilAsserted(
					() -> assertThat(this.api.coverage(EventLog.REGENCIES)).isEqualTo(log.expectedCoverage(NOW)));
	}

}
