package id.ucj.enrollment.registration;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import id.ucj.contract.Topics;
import id.ucj.enrollment.participant.ParticipantIds;
import id.ucj.testsupport.HttpTestClient;
import id.ucj.testsupport.TestKeys;
import id.ucj.testsupport.KafkaTestBroker;
import id.ucj.testsupport.TcpProxy;
import id.ucj.testsupport.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With the broker gone, registrations fail within seconds with 503, and what was refused
 * is not published behind the client's back when the broker returns. The broker is a real
 * one, reached through a proxy that the test cuts and restores, so that it comes back on
 * the same address with its data.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class KafkaOutageTest {

	static final TcpProxy proxy = TcpProxy.listen();

	static final EmbeddedKafkaBroker broker = KafkaTestBroker.behind(proxy);

	@LocalServerPort
	int port;

	@Autowired
	ParticipantIds ids;

	@Autowired
	KafkaTemplate<String, byte[]> kafka;

	@DynamicPropertySource
	static void kafka(DynamicPropertyRegistry registry) {
		registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + proxy.port());
	}

	@AfterAll
	static void stopBroker() {
		proxy.close();
		broker.destroy();
	}

	@Test
	void answers503WithRetryAfterAndNeverPublishesTheRefusedRegistrationLater() {
		HttpTestClient api = new HttpTestClient(this.port, TestKeys.ENROLLER);
		assertThat(api.post("/api/v1/registrations", Registrations.registration(Registrations.nik(100))).statusCode())
			.isEqualTo(202);

		proxy.cut();
		Instant start = Instant.now();
		HttpResponse<String> refused = api.post("/api/v1/registrations",
				Registrations.registration(Registrations.nik(101)));
		Duration waited = Duration.between(start, Instant.now());

		assertThat(refused.statusCode()).isEqualTo(503);
		assertThat(refused.headers().firstValue("Retry-After")).contains("5");
		assertThat(refused.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(waited).as("bounded by the producer's delivery timeout").isLessThan(Duration.ofSeconds(15));

		proxy.restore();
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(
					api.post("/api/v1/registrations", Registrations.registration(Registrations.nik(102))).statusCode())
				.isEqualTo(202));

		// Once the service's producer has nothing left to send, whatever it had kept of
		// the refused registration is
		// on the topic or dropped for good: the whole topic as it then ends is all there
		// will ever be.
		this.kafka.flush();
		try (TopicReader topic = new TopicReader(broker.getBrokersAsString(), Topics.PARTICIPANT_EVENTS)) {
			List<ConsumerRecord<byte[], byte[]>> records = topic.readToEnd(Map.of());
			assertThat(records).extracting((record) -> new String(record.key()))
				.contains(this.ids.of(Registrations.nik(100)), this.ids.of(Registrations.nik(102)))
				.doesNotContain(this.ids.of(Registrations.nik(101)));
		}
	}

}
