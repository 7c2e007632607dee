package id.ucj.enrollment.registration;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import id.ucj.testsupport.HttpTestClient;
import id.ucj.testsupport.TestKeys;
import id.ucj.testsupport.KafkaTestBroker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The broker process itself stops (not only the network): registrations still fail fast
 * with 503.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class KafkaStoppedTest {

	static final EmbeddedKafkaBroker broker = KafkaTestBroker.dedicated();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void kafka(DynamicPropertyRegistry registry) {
		registry.add("spring.kafka.bootstrap-servers", broker::getBrokersAsString);
	}

	@Test
	void answers503WithinSecondsOnceTheBrokerHasStopped() {
		HttpTestClient api = new HttpTestClient(this.port, TestKeys.ENROLLER);
		assertThat(api.post("/api/v1/registrations", Registrations.registration(Registrations.nik(200))).statusCode())
			.isEqualTo(202);

		broker.destroy();
		Instant start = Instant.now();
		HttpResponse<String> refused = api.post("/api/v1/registrations/batch",
				"{\"registrations\": [" + Registrations.registration(Registrations.nik(201)) + "]}");

		assertThat(refused.statusCode()).isEqualTo(503);
		assertThat(refused.headers().firstValue("Retry-After")).contains("5");
		assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(15));
	}

}
